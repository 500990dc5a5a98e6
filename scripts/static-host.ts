/**
 * The project's one static host: the browser tests serve each build with it (playwright.config.ts)
 * and the benchmark serves ours and stock Starlight with it (scripts/bench.ts), each in a process
 * of its own, so a busy test runner or Lighthouse's number crunching never delays a response.
 *
 *   node scripts/static-host.ts <folder> [base path] [port] [--compress] [--headers <file>] [--only <header>]…
 *
 * - Finds files as deploy/nginx.conf does (`try_files $uri $uri/ =404`, `error_page 404
 *   /404.html`): a file; a folder's `index.html` when asked for with its slash; a folder asked for
 *   without it moves there (301, query kept); anything else, or anything outside the base, is
 *   `404.html` with status 404.
 * - Sends the headers that a `_headers` file gives the path, read from the site's base as the
 *   static hosts that read one do: by default the folder's own, so the browser tests run under
 *   the Content-Security-Policy that ships, in every page and in what the service worker caches.
 *   The benchmark passes `--headers public/_headers --only cache-control`: ours and stock (which
 *   has no `_headers`) get our cache rules and nothing else, so their bytes differ only by what
 *   the sites are.
 * - `--compress` (the benchmark): brotli when the browser offers it, else gzip, at their highest
 *   levels, as precompressed files would be. Pagefind's index, fragments and wasm are gzipped
 *   already and go as they are.
 * - Reads each file on every request (a compressed body is kept while the file's size and time
 *   stay), so a test can deploy a changed file under a running host.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
	headersFor,
	parseHeadersFile,
	type HeaderRule,
} from '#integrations/inline-script-policy/headers-file.ts';

/** By extension, as deploy/nginx.conf's `types` has them; anything else is application/octet-stream. */
export const contentTypes: Readonly<Record<string, string>> = {
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
	// Pagefind's WebAssembly (`wasm.en.pagefind`).
	'.pagefind': 'application/wasm',
};

const compressible = new Set([
	'.html',
	'.css',
	'.js',
	'.mjs',
	'.json',
	'.webmanifest',
	'.svg',
	'.xml',
	'.txt',
	'.ico',
]);

export type Located =
	/** `sitePath`: the path from the base (`/gunicorn/`), whose `_headers` rules apply. */
	| { kind: 'file'; file: string; sitePath: string }
	| { kind: 'redirect'; location: string }
	/** Served as `404.html`; `sitePath` is undefined when the path is outside the base or unreadable. */
	| { kind: 'missing'; sitePath: string | undefined };

const statOf = (path: string): Stats | undefined => statSync(path, { throwIfNoEntry: false });

function decoded(path: string): string | undefined {
	try {
		return decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

/** The file for a path inside the base, or undefined: never a file outside `root`. */
function fileFor(root: string, sitePath: string): string | undefined {
	const file = join(root, sitePath);
	if (file !== root && !file.startsWith(root + sep)) return undefined;
	if (statOf(file)?.isFile()) return file;
	const index = join(file, 'index.html');
	return sitePath.endsWith('/') && statOf(index)?.isFile() ? index : undefined;
}

/** What a request for `pathname` (and `search`, kept on a redirect) gets from the site in `root` under `base`. */
export function locate(root: string, base: string, pathname: string, search = ''): Located {
	const sitePath = pathname.startsWith(base)
		? decoded(`/${pathname.slice(base.length)}`)
		: undefined;
	if (sitePath === undefined) return { kind: 'missing', sitePath };
	const file = fileFor(root, sitePath);
	if (file) return { kind: 'file', file, sitePath };
	// A folder asked for without its slash moves to it, as on nginx and the static hosts.
	if (!sitePath.endsWith('/') && fileFor(root, `${sitePath}/`))
		return { kind: 'redirect', location: `${pathname}/${search}` };
	return { kind: 'missing', sitePath };
}

export interface StaticHostOptions {
	/** The build folder. */
	root: string;
	/** The site's base path, with both slashes: `/`, `/docs/cheat-sheet/`. */
	base?: string;
	/** The `_headers` rules to send; none when omitted. */
	rules?: readonly HeaderRule[];
	/** Send only these headers of the rules (lower case), when given. */
	only?: readonly string[];
	compress?: boolean;
}

export function createStaticHost({
	root: folder,
	base = '/',
	rules = [],
	only,
	compress = false,
}: StaticHostOptions): Server {
	const root = resolve(folder);
	const packed = new Map<string, Buffer>();
	const ruleHeaders = (path: string) => {
		const headers = headersFor(rules, path);
		return only
			? Object.fromEntries(Object.entries(headers).filter(([name]) => only.includes(name)))
			: headers;
	};
	return createServer((request, response) => {
		try {
			const url = new URL(request.url ?? '/', 'http://host');
			const found = locate(root, base, url.pathname, url.search);
			if (found.kind === 'redirect') {
				response.writeHead(301, { location: found.location }).end();
				return;
			}
			const file = found.kind === 'file' ? found.file : join(root, '404.html');
			const ext = extname(file);
			let body: Buffer = readFileSync(file);
			const headers: Record<string, string> = {
				...ruleHeaders(found.sitePath ?? url.pathname),
				'content-type': contentTypes[ext] ?? 'application/octet-stream',
			};
			const accepts = String(request.headers['accept-encoding'] ?? '');
			const encoding =
				!compress || !compressible.has(ext)
					? undefined
					: /\bbr\b/.test(accepts)
						? 'br'
						: /\bgzip\b/.test(accepts)
							? 'gzip'
							: undefined;
			if (encoding) {
				const info = statOf(file);
				const key = `${encoding}:${file}:${info?.size}:${info?.mtimeMs}`;
				const compressed =
					packed.get(key) ??
					(encoding === 'br'
						? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
						: gzipSync(body, { level: 9 }));
				packed.set(key, compressed);
				body = compressed;
				headers['content-encoding'] = encoding;
				headers['vary'] = 'Accept-Encoding';
			}
			headers['content-length'] = String(body.length);
			response.writeHead(found.kind === 'file' ? 200 : 404, headers);
			response.end(request.method === 'HEAD' ? undefined : body);
		} catch (error) {
			response.writeHead(500).end(String(error));
		}
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: {
			compress: { type: 'boolean' },
			headers: { type: 'string' },
			only: { type: 'string', multiple: true },
		},
	});
	const [folder = 'dist', base = '/', port = '4321'] = positionals;
	// A missing `_headers` stops the host: tests run without the policy would prove nothing.
	const rules = parseHeadersFile(readFileSync(values.headers ?? join(folder, '_headers'), 'utf8'));
	createStaticHost({
		root: folder,
		base,
		rules,
		compress: values.compress ?? false,
		...(values.only ? { only: values.only.map((name) => name.toLowerCase()) } : {}),
	}).listen(Number(port), '127.0.0.1', () =>
		console.log(`Serving ${folder} at http://127.0.0.1:${port}${base}`),
	);
	// Started by the benchmark with an IPC channel: go when it goes, even if it could not say so.
	if (process.send) process.on('disconnect', () => process.exit(0));
}
