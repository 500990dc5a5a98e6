/**
 * A small static server for the benchmark, run as its own process so Lighthouse's number
 * crunching never delays a response: `node scripts/bench/serve.ts dist 4700`. It compresses as
 * a static host would (brotli when the browser offers it, else gzip; at the highest levels, as
 * precompressed files would be), sends the cache headers of `public/_headers`, serves
 * `dir/index.html` for `dir/`, and `404.html` with status 404. Both sites go through it, so
 * their figures differ only by what the sites are.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [root = 'dist', portText = '4700'] = process.argv.slice(2);

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm',
};
/** Pagefind's index, fragments and wasm (`.pf_*`, `.pagefind`) are gzipped already. */
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.svg', '.xml', '.txt', '.ico']);
const compressed = new Map<string, Buffer>();

async function resolveFile(pathname: string): Promise<{ file: string; status: number } | { redirect: string }> {
	const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidate = join(root, relative);
	const info = await stat(candidate).catch(() => undefined);
	if (info?.isDirectory()) {
		if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
		const index = join(candidate, 'index.html');
		if (await stat(index).catch(() => undefined)) return { file: index, status: 200 };
	} else if (info?.isFile()) {
		return { file: candidate, status: 200 };
	}
	return { file: join(root, '404.html'), status: 404 };
}

const server = createServer(async (request, response) => {
	try {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const found = await resolveFile(url.pathname);
		if ('redirect' in found) {
			response.writeHead(301, { Location: found.redirect + url.search }).end();
			return;
		}
		const ext = extname(found.file);
		let body: Buffer = await readFile(found.file);
		const headers: Record<string, string> = {
			'Content-Type': types[ext] ?? 'application/octet-stream',
			'Cache-Control': /^\/(_astro|pagefind\/fragment|pagefind\/index)\//.test(url.pathname)
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
		};
		const accepts = String(request.headers['accept-encoding'] ?? '');
		const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
		if (encoding && compressible.has(ext)) {
			const key = `${encoding}:${found.file}`;
			const packed =
				compressed.get(key) ??
				(encoding === 'br'
					? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
					: gzipSync(body, { level: 9 }));
			compressed.set(key, packed);
			body = packed;
			headers['Content-Encoding'] = encoding;
			headers['Vary'] = 'Accept-Encoding';
		}
		headers['Content-Length'] = String(body.length);
		response.writeHead(found.status, headers);
		response.end(request.method === 'HEAD' ? undefined : body);
	} catch (error) {
		response.writeHead(500).end(String(error));
	}
});

server.listen(Number(portText), '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${portText}/`));
// Started by the benchmark: go when it goes, even if it could not say so.
if (process.send) process.on('disconnect', () => process.exit(0));
