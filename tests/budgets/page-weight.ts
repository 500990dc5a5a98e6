/**
 * What a page of the build costs a first-time reader, read from the files alone (no browser, so
 * it is the same figure on a busy machine and an idle one): the page's HTML, the stylesheets it
 * links, the scripts it loads and every module they import statically, each file once, each
 * gzip-compressed at level 9 as a static host's precompressed files would be. Headers, icons and
 * the manifest are left out, as are modules imported on demand (a tool's script once the reader
 * comes near it, the settings dialog, Pagefind): those are the `onDemandJs` figure, everything a
 * page's scripts can import by a literal path, so weight moved behind an `import()` still counts.
 */
import { gzipSync } from 'node:zlib';

export interface PageWeight {
	/** Gzip bytes of the page's HTML, inline scripts and styles included. */
	html: number;
	/** Gzip bytes of the stylesheets it links (print ones too: the browser fetches them). */
	css: number;
	/** Gzip bytes of its scripts and their static imports. */
	js: number;
	/** html + css + js: what a first visit downloads. */
	total: number;
	/** Gzip bytes of the modules its scripts import on demand, beyond `js`. */
	onDemandJs: number;
	/** Site paths of the CSS and JS files counted in `total`, in the order found. */
	files: string[];
}

/** Reads a file of the build by its path from the site's root (`/_astro/page.js`); undefined if none. */
export type ReadSiteFile = (sitePath: string) => Buffer | undefined;

const attribute = (tag: string, name: string) =>
	new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
		.exec(tag)
		?.slice(1)
		.find((value) => value !== undefined);

/** The stylesheets a page links, the scripts it loads by `src`, and the text of its inline module scripts. */
export function pageReferences(html: string): {
	stylesheets: string[];
	scripts: string[];
	inlineModules: string[];
} {
	const stylesheets: string[] = [];
	const scripts: string[] = [];
	const inlineModules: string[] = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attribute(tag, 'href');
		if (href === undefined) continue;
		if (rel.includes('stylesheet')) stylesheets.push(href);
		else if (rel.includes('modulepreload')) scripts.push(href);
	}
	for (const [, tag = '', body = ''] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
		const src = attribute(tag, 'src');
		if (src !== undefined) scripts.push(src);
		else if ((attribute(tag, 'type') ?? '').toLowerCase() === 'module') inlineModules.push(body);
	}
	return { stylesheets, scripts, inlineModules };
}

/**
 * The specifiers a module imports statically (`import{a}from"./x.js"`, `import"./x.js"`,
 * `export*from"./x.js"`) and those it imports on demand by a literal path (`import(\`./x.js\`)`);
 * an `import()` of a computed path (Pagefind's, from the site's base) cannot be followed and is not listed.
 */
export function moduleImports(js: string): { staticImports: string[]; dynamicImports: string[] } {
	const staticImports = [
		...js.matchAll(
			/(?:^|[^\w$.])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)(["'])([^"'\n]+)\1/g,
		),
	].map((match) => match[2] ?? '');
	const dynamicImports = [
		...js.matchAll(/(?:^|[^\w$.])import\(\s*(["'`])([^"'`$\n]+)\1\s*\)/g),
	].map((match) => match[2] ?? '');
	return { staticImports, dynamicImports };
}

const gzipBytes = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/**
 * The weight of the page at `pagePath` (`/`, `/gunicorn/`, `/404.html`), whose HTML file is `htmlPath`.
 * Every file a page refers to must be in the build and on the site's origin: a missing or
 * off-site one is an error, never a file quietly left out of the sum.
 */
export function pageWeight(pagePath: string, htmlPath: string, read: ReadSiteFile): PageWeight {
	const site = 'http://site.invalid';
	const load = (sitePath: string, from: string) => {
		const body = read(sitePath);
		if (!body) throw new Error(`${from} refers to ${sitePath}, which is not in the build`);
		return body;
	};
	const sitePathOf = (reference: string, from: string) => {
		const url = new URL(reference, site + from);
		if (url.origin !== site) throw new Error(`${from} loads ${reference} from another origin`);
		return url.pathname;
	};
	const html = load(htmlPath, pagePath);
	const { stylesheets, scripts, inlineModules } = pageReferences(html.toString('utf8'));
	const files: string[] = [];
	const weight = { html: gzipBytes(html), css: 0, js: 0 };
	for (const sheet of new Set(stylesheets.map((href) => sitePathOf(href, pagePath)))) {
		weight.css += gzipBytes(load(sheet, pagePath));
		files.push(sheet);
	}

	const loaded = new Set<string>();
	const onDemand: string[] = [];
	const follow = (sitePath: string, from: string) => {
		if (loaded.has(sitePath)) return;
		loaded.add(sitePath);
		const body = load(sitePath, from);
		weight.js += gzipBytes(body);
		files.push(sitePath);
		visit(body.toString('utf8'), sitePath);
	};
	const visit = (js: string, from: string) => {
		const { staticImports, dynamicImports } = moduleImports(js);
		for (const specifier of staticImports) follow(sitePathOf(specifier, from), from);
		for (const specifier of dynamicImports) onDemand.push(sitePathOf(specifier, from));
	};
	for (const script of scripts) follow(sitePathOf(script, pagePath), pagePath);
	for (const module of inlineModules) visit(module, pagePath);
	const firstVisitJs = weight.js;

	// Then what the page's scripts may import later, each module and its own imports once.
	const jsFiles = files.length;
	while (onDemand.length) follow(onDemand.shift() ?? '', pagePath);
	const onDemandJs = weight.js - firstVisitJs;
	files.length = jsFiles;
	return {
		html: weight.html,
		css: weight.css,
		js: firstVisitJs,
		total: weight.html + weight.css + firstVisitJs,
		onDemandJs,
		files,
	};
}
