/**
 * Serves a build as a static host does, with the headers that the build's own `_headers` file
 * gives each path, so the browser tests run under the Content-Security-Policy that ships: on
 * every page, and in what the service worker precaches and answers offline too. Paths in
 * `_headers` are read from the site's base, so the sub-path build gets its rules as well.
 *
 *   node tests/e2e/static-host.ts <build folder> <base path> <port>
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeadersFile } from '#integrations/inline-script-policy/headers-file.ts';

const [outDir = 'dist', base = '/', port = '4321'] = process.argv.slice(2);
const root = resolve(outDir);
const rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.pagefind': 'application/wasm',
};

/** The file for a path inside the base, as nginx's `try_files $uri $uri/ =404` finds it. */
function fileFor(sitePath: string): string | undefined {
	const file = join(root, sitePath);
	if (!file.startsWith(root + sep)) return undefined;
	if (existsSync(file) && statSync(file).isFile()) return file;
	const index = join(file, 'index.html');
	return sitePath.endsWith('/') && existsSync(index) ? index : undefined;
}

function decodedOrUndefined(path: string): string | undefined {
	try {
		return decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

createServer((request, response) => {
	const { pathname } = new URL(request.url ?? '/', 'http://host');
	const sitePath = pathname.startsWith(base) ? decodedOrUndefined(`/${pathname.slice(base.length)}`) : undefined;
	const file = sitePath === undefined ? undefined : fileFor(sitePath);
	// A folder asked for without its slash moves to it, as on the static hosts the README names.
	if (sitePath !== undefined && !file && fileFor(`${sitePath}/`)) {
		response.writeHead(301, { location: `${pathname}/` }).end();
		return;
	}
	const served = file ?? join(root, '404.html');
	response.writeHead(file ? 200 : 404, {
		...headersFor(rules, sitePath ?? pathname),
		'content-type': contentTypes[extname(served)] ?? 'application/octet-stream',
	});
	response.end(request.method === 'HEAD' ? undefined : readFileSync(served));
}).listen(Number(port), '127.0.0.1', () => console.log(`Serving ${outDir} at http://127.0.0.1:${port}${base}`));
