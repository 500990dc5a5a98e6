/**
 * Prints the JavaScript each built page ships: its module scripts, every chunk they import
 * statically, and inline scripts, raw and gzip-compressed. Run after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const pages = ['', 'dockerfile', 'gunicorn', 'metrics', 'base-images', 'workers', 'all'];

function moduleClosure(file: string, seen: Set<string>): void {
	if (seen.has(file) || !existsSync(file)) return;
	seen.add(file);
	const code = readFileSync(file, 'utf8');
	for (const match of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
		const target = match[1] ?? '';
		moduleClosure(target.startsWith('/') ? join(dist, target) : join(dirname(file), target), seen);
	}
}

console.log('page             scripts  raw bytes  gzip bytes');
for (const page of pages) {
	const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
	const files = new Set<string>();
	for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) moduleClosure(join(dist, match[1] ?? ''), files);
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('');
	const code = [...files].map((file) => readFileSync(file, 'utf8')).join('') + inline;
	const raw = Buffer.byteLength(code);
	const gzip = gzipSync(code, { level: 9 }).length;
	console.log((page ? `/${page}/` : '/').padEnd(17) + String(files.size).padStart(7) + String(raw).padStart(11) + String(gzip).padStart(12));
}
