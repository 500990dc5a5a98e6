/**
 * Every template file the site serves, found from the data and the disk so that templates added
 * later are checked without touching the tests:
 *
 * - every file under `src/snippets/`, sub-folders included (`hardened/health.py`, `.dockerignore`);
 * - every entry of every array exported by `src/data/snippets.ts` whose items carry a string
 *   `file` (a path under `src/snippets/`) and optionally a string `lang` (the code fence's
 *   language). An entry whose file is missing is an error, not a skip.
 *
 * A file's language is its entry's `lang`; a file under `hardened/` with no entry of its own takes
 * the `lang` of the entry for the same file name; else the language comes from the file name.
 * `templateKind` then picks the checker: python, dockerfile, shell, yaml or dockerignore. A template
 * no checker knows makes the tests fail with its name, so no new kind of file goes unchecked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snippetData from '#data/snippets.ts';
import { parseSheet, repairEncoding } from '#lib/sheet/sheet.ts';
import { snippetText } from '#lib/templates/snippet.ts';

export type TemplateKind = 'python' | 'dockerfile' | 'shell' | 'yaml' | 'dockerignore';

/** What the tests need from a data entry; the data may carry any other field. */
export interface TemplateEntry {
	file: string;
	lang?: string;
}

export interface ServedTemplate {
	/** Path under the snippets folder, with `/`: `health.py`, `hardened/health.py`. */
	path: string;
	/** File name alone: `health.py`. */
	name: string;
	/** Under `hardened/`: the hardened variant of the sheet's file of the same name. */
	hardened: boolean;
	/** The file is one of the sheet's code blocks byte for byte (the sheet's own text, which the site must not change). */
	fromSheet: boolean;
	lang: string | undefined;
	kind: TemplateKind | undefined;
	/** The file's text, final newline and all. */
	text: string;
}

export const snippetsRoot = fileURLToPath(new URL('../../src/snippets/', import.meta.url));

/** Every item of every exported array of `src/data/snippets.ts` that names a file. */
export function snippetDataEntries(data: Record<string, unknown> = snippetData): TemplateEntry[] {
	return Object.values(data)
		.filter(Array.isArray)
		.flat()
		.filter(
			(item): item is TemplateEntry =>
				typeof item === 'object' && item !== null && typeof item.file === 'string',
		)
		.map(({ file, lang }) => (typeof lang === 'string' ? { file, lang } : { file }));
}

const langKinds: Readonly<Record<string, TemplateKind>> = {
	python: 'python',
	py: 'python',
	dockerfile: 'dockerfile',
	docker: 'dockerfile',
	bash: 'shell',
	sh: 'shell',
	shell: 'shell',
	shellscript: 'shell',
	yaml: 'yaml',
	yml: 'yaml',
	dockerignore: 'dockerignore',
};

/**
 * The checker for a file: by name where the name decides (`Dockerfile`, `.dockerignore`, whatever
 * fence language they are shown with, such as `ignore` or `text`), else by language, else by extension.
 */
export function templateKind(name: string, lang: string | undefined): TemplateKind | undefined {
	if (name === '.dockerignore' || name.endsWith('.dockerignore')) return 'dockerignore';
	if (/^Dockerfile(\..+)?$|\.Dockerfile$/.test(name)) return 'dockerfile';
	if (lang !== undefined && Object.hasOwn(langKinds, lang)) return langKinds[lang];
	const extension = /\.([a-z]+)$/.exec(name)?.[1];
	return extension !== undefined && Object.hasOwn(langKinds, extension)
		? langKinds[extension]
		: undefined;
}

/** The shell a `shell` template is written for: `sh` only when its fence says so. */
export function shellDialect(template: Pick<ServedTemplate, 'lang'>): 'bash' | 'sh' {
	return template.lang === 'sh' ? 'sh' : 'bash';
}

function filesUnder(root: string): string[] {
	return readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter((path) => statSync(join(root, path)).isFile())
		.map((path) => path.split(sep).join('/'))
		.sort();
}

const sheetBlocks = new Set(
	parseSheet(
		repairEncoding(
			readFileSync(
				new URL('../../source/production-deployment-cheat-sheet.md', import.meta.url),
				'utf8',
			),
		),
	).codeBlocks.map((block) => block.code),
);

/**
 * The templates under `root` (default `src/snippets/`) with the languages `entries` give them
 * (default: every entry of `src/data/snippets.ts`). Throws when an entry names a missing file.
 */
export function servedTemplates(
	root: string = snippetsRoot,
	entries: readonly TemplateEntry[] = snippetDataEntries(),
): ServedTemplate[] {
	const paths = filesUnder(root);
	const missing = entries.filter((entry) => !paths.includes(entry.file));
	if (missing.length > 0)
		throw new Error(
			`src/data/snippets.ts lists files missing from ${relative(process.cwd(), root)}: ${missing.map((entry) => entry.file).join(', ')}`,
		);
	const langOf = (path: string) =>
		entries.find((entry) => entry.file === path)?.lang ??
		entries.find((entry) => entry.file === basename(path))?.lang;
	return paths.map((path) => {
		const name = basename(path);
		const text = readFileSync(join(root, path), 'utf8');
		const lang = langOf(path);
		return {
			path,
			name,
			hardened: path.startsWith('hardened/'),
			fromSheet: sheetBlocks.has(snippetText(text)),
			lang,
			kind: templateKind(name, lang),
			text,
		};
	});
}
