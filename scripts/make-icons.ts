/** Renders the app icons in public/ from public/favicon.svg: `node scripts/make-icons.ts`. */
import sharp from 'sharp';

for (const size of [192, 512]) {
	await sharp('public/favicon.svg', { density: (72 * size) / 32 })
		.resize(size, size)
		.png()
		.toFile(`public/icon-${size}.png`);
	console.log(`public/icon-${size}.png`);
}
