import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseHeadersFile } from '#integrations/inline-script-policy/headers-file.ts';
import { createStaticHost, locate } from './static-host.ts';

const root = mkdtempSync(join(tmpdir(), 'static-host-'));
const write = (path: string, text: string) => {
	mkdirSync(join(root, path, '..'), { recursive: true });
	writeFileSync(join(root, path), text);
};
write('index.html', '<h1>Home</h1>');
write('404.html', '<h1>Not found</h1>');
write('workers/index.html', '<h1>Workers</h1>');
write('_astro/page.js', 'console.log("page");'.repeat(20));
write('_astro/empty/.keep', '');
write('pagefind/wasm.en.pagefind', 'wasm');
write('llms.txt', '# Sheet');
after(() => rmSync(root, { recursive: true, force: true }));

describe('locate', () => {
	it('finds a file, and a folder’s index.html asked for with its slash', () => {
		assert.deepEqual(locate(root, '/', '/llms.txt'), {
			kind: 'file',
			file: join(root, 'llms.txt'),
			sitePath: '/llms.txt',
		});
		assert.deepEqual(locate(root, '/', '/'), {
			kind: 'file',
			file: join(root, 'index.html'),
			sitePath: '/',
		});
		assert.deepEqual(locate(root, '/', '/workers/'), {
			kind: 'file',
			file: join(root, 'workers/index.html'),
			sitePath: '/workers/',
		});
	});

	it('moves a folder asked for without its slash to it, query kept, as nginx does', () => {
		assert.deepEqual(locate(root, '/', '/workers', '?cores=4'), {
			kind: 'redirect',
			location: '/workers/?cores=4',
		});
		assert.deepEqual(locate(root, '/docs/', '/docs/workers'), {
			kind: 'redirect',
			location: '/docs/workers/',
		});
	});

	it('reads paths from the base, so the sub-path build finds its files and nothing outside them', () => {
		assert.deepEqual(locate(root, '/docs/cheat-sheet/', '/docs/cheat-sheet/workers/'), {
			kind: 'file',
			file: join(root, 'workers/index.html'),
			sitePath: '/workers/',
		});
		assert.deepEqual(locate(root, '/docs/cheat-sheet/', '/workers/'), {
			kind: 'missing',
			sitePath: undefined,
		});
	});

	it('answers 404 for a missing file, a folder without an index, a path out of the folder or one it cannot decode', () => {
		assert.deepEqual(locate(root, '/', '/nope/'), { kind: 'missing', sitePath: '/nope/' });
		assert.deepEqual(locate(root, '/', '/_astro/empty'), {
			kind: 'missing',
			sitePath: '/_astro/empty',
		});
		assert.deepEqual(locate(root, '/', '/%2e%2e/%2e%2e/etc/passwd'), {
			kind: 'missing',
			sitePath: '/../../etc/passwd',
		});
		assert.deepEqual(locate(root, '/', '/%E0%A4%A'), { kind: 'missing', sitePath: undefined });
	});
});

describe('createStaticHost', () => {
	const rules = parseHeadersFile(
		'/*\n  Cache-Control: no-cache\n  X-Content-Type-Options: nosniff\n/_astro/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable\n',
	);
	const servers: Server[] = [];
	const origins: Record<'plain' | 'bench', string> = { plain: '', bench: '' };
	before(async () => {
		for (const [name, server] of [
			['plain', createStaticHost({ root, base: '/', rules })],
			[
				'bench',
				createStaticHost({ root, base: '/', rules, only: ['cache-control'], compress: true }),
			],
		] as const) {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			servers.push(server);
			origins[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		}
	});
	after(() => servers.forEach((server) => server.close()));

	const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
		new Promise<{
			status: number;
			headers: Record<string, string | string[] | undefined>;
			body: Buffer;
		}>((resolve, reject) => {
			const sent = request(url, { method, headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						body: Buffer.concat(chunks),
					}),
				);
			});
			sent.on('error', reject).end();
		});

	it('sends each path the headers its rules give, with its content type and length', async () => {
		const page = await get(`${origins.plain}/workers/`);
		assert.equal(page.status, 200);
		assert.equal(page.body.toString(), '<h1>Workers</h1>');
		assert.equal(page.headers['cache-control'], 'no-cache');
		assert.equal(page.headers['x-content-type-options'], 'nosniff');
		assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
		assert.equal(page.headers['content-length'], String(page.body.length));
		const script = await get(`${origins.plain}/_astro/page.js`);
		assert.equal(script.headers['cache-control'], 'public, max-age=31536000, immutable');
		assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
		assert.equal(
			(await get(`${origins.plain}/pagefind/wasm.en.pagefind`)).headers['content-type'],
			'application/wasm',
		);
		assert.equal(
			(await get(`${origins.plain}/llms.txt`)).headers['content-type'],
			'text/plain; charset=utf-8',
		);
	});

	it('answers a missing path with 404.html and status 404, a folder without its slash with a move, HEAD without a body', async () => {
		const missing = await get(`${origins.plain}/nope`);
		assert.equal(missing.status, 404);
		assert.equal(missing.body.toString(), '<h1>Not found</h1>');
		assert.equal(missing.headers['x-content-type-options'], 'nosniff');
		const moved = await get(`${origins.plain}/workers?x=1`);
		assert.equal(moved.status, 301);
		assert.equal(moved.headers['location'], '/workers/?x=1');
		const head = await get(`${origins.plain}/`, {}, 'HEAD');
		assert.equal(head.status, 200);
		assert.equal(head.body.length, 0);
		assert.equal(head.headers['content-length'], String('<h1>Home</h1>'.length));
	});

	it('does not compress unless asked to, whatever the browser offers', async () => {
		const plain = await get(`${origins.plain}/_astro/page.js`, { 'accept-encoding': 'br, gzip' });
		assert.equal(plain.headers['content-encoding'], undefined);
		assert.equal(plain.body.toString(), 'console.log("page");'.repeat(20));
	});

	it('for the benchmark: only the headers asked for, brotli or gzip as offered, wasm as it is', async () => {
		const br = await get(`${origins.bench}/_astro/page.js`, {
			'accept-encoding': 'gzip, deflate, br',
		});
		assert.deepEqual(
			Object.keys(br.headers)
				.filter((name) => !['date', 'connection', 'keep-alive'].includes(name))
				.sort(),
			['cache-control', 'content-encoding', 'content-length', 'content-type', 'vary'],
		);
		assert.equal(br.headers['content-encoding'], 'br');
		assert.equal(brotliDecompressSync(br.body).toString(), 'console.log("page");'.repeat(20));
		const gzip = await get(`${origins.bench}/_astro/page.js`, { 'accept-encoding': 'gzip' });
		assert.equal(gzip.headers['content-encoding'], 'gzip');
		assert.equal(gunzipSync(gzip.body).toString(), 'console.log("page");'.repeat(20));
		assert.equal(
			(await get(`${origins.bench}/_astro/page.js`)).headers['content-encoding'],
			undefined,
		);
		assert.equal(
			(await get(`${origins.bench}/pagefind/wasm.en.pagefind`, { 'accept-encoding': 'br' }))
				.headers['content-encoding'],
			undefined,
		);
	});

	it('serves a file changed under it as it is now, compressed or not (a new deploy)', async () => {
		write('llms.txt', '# Sheet, next deploy');
		// Same size on a coarse clock would look unchanged: move the time on.
		utimesSync(join(root, 'llms.txt'), new Date(), new Date(Date.now() + 5000));
		assert.equal((await get(`${origins.plain}/llms.txt`)).body.toString(), '# Sheet, next deploy');
		const first = await get(`${origins.bench}/llms.txt`, { 'accept-encoding': 'br' });
		write('llms.txt', '# Sheet, the deploy after');
		utimesSync(join(root, 'llms.txt'), new Date(), new Date(Date.now() + 10_000));
		const second = await get(`${origins.bench}/llms.txt`, { 'accept-encoding': 'br' });
		assert.equal(brotliDecompressSync(first.body).toString(), '# Sheet, next deploy');
		assert.equal(brotliDecompressSync(second.body).toString(), '# Sheet, the deploy after');
	});
});
