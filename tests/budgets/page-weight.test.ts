import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { moduleImports, pageReferences, pageWeight } from './page-weight.ts';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('pageReferences', () => {
	it('finds linked stylesheets (print ones too), script files, module preloads and inline modules', () => {
		const html =
			'<link rel="stylesheet" href="/_astro/print.css" media="print"><link rel=stylesheet href=/a.css>' +
			'<link rel="icon" href="/favicon.svg"><link rel="modulepreload" href="/_astro/chunk.js">' +
			'<script>classic()</script><script type="module" src="/_astro/page.js"></script>' +
			'<script type="module">import"/_astro/inline-dep.js";</script>';
		assert.deepEqual(pageReferences(html), {
			stylesheets: ['/_astro/print.css', '/a.css'],
			scripts: ['/_astro/chunk.js', '/_astro/page.js'],
			inlineModules: ['import"/_astro/inline-dep.js";'],
		});
	});
});

describe('moduleImports', () => {
	it('tells static imports from imports on demand, as Vite writes them', () => {
		const js =
			'import{t as e}from"./load-when-near.js";import"./side.js";export*from"./all.js";export{a as b}from\'./some.js\';' +
			'e(()=>import(`./settings-ui.js`),[]);import("./tool.js");import(`${base}pagefind/pagefind.js`);x.import("./not.js")';
		assert.deepEqual(moduleImports(js), {
			staticImports: ['./load-when-near.js', './side.js', './all.js', './some.js'],
			dynamicImports: ['./settings-ui.js', './tool.js'],
		});
	});
});

describe('pageWeight', () => {
	const files: Record<string, string> = {
		'/gunicorn/index.html':
			'<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/page.js"></script><script type="module" src="../_astro/page.js"></script>',
		'/_astro/a.css': 'body{color:red}',
		'/_astro/page.js': 'import{q}from"./shared.js";q(()=>import(`./lazy.js`))',
		'/_astro/shared.js': 'export const q=1',
		'/_astro/lazy.js': 'import{q}from"./shared.js";import"./lazy-dep.js"',
		'/_astro/lazy-dep.js': 'export{}',
	};
	const read = (path: string) => (path in files ? Buffer.from(files[path] ?? '') : undefined);

	it('sums each file once, gzip, and counts a module loaded on demand apart, with what only it imports', () => {
		const weight = pageWeight('/gunicorn/', '/gunicorn/index.html', read);
		const html = gz(files['/gunicorn/index.html'] ?? '');
		const css = gz(files['/_astro/a.css'] ?? '');
		const js = gz(files['/_astro/page.js'] ?? '') + gz(files['/_astro/shared.js'] ?? '');
		assert.deepEqual(weight, {
			html,
			css,
			js,
			total: html + css + js,
			onDemandJs: gz(files['/_astro/lazy.js'] ?? '') + gz(files['/_astro/lazy-dep.js'] ?? ''),
			files: ['/_astro/a.css', '/_astro/page.js', '/_astro/shared.js'],
		});
	});

	it('fails on a file the build lacks or one from another origin, instead of leaving it out', () => {
		assert.throws(
			() =>
				pageWeight('/', '/index.html', (path) =>
					path === '/index.html' ? Buffer.from('<script src="/gone.js"></script>') : undefined,
				),
			/refers to \/gone\.js/,
		);
		assert.throws(
			() =>
				pageWeight('/', '/index.html', () =>
					Buffer.from('<link rel="stylesheet" href="https://cdn.example/x.css">'),
				),
			/another origin/,
		);
	});
});
