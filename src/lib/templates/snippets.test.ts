import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sections } from '#data/sections.ts';
import { snippets } from '#data/snippets.ts';
import { parseSheet, repairEncoding } from '#lib/sheet/sheet.ts';
import { snippetText } from './snippet.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const sheet = parseSheet(repairEncoding(read('source/production-deployment-cheat-sheet.md')));

describe('snippetText', () => {
	it('drops exactly one final newline', () => {
		assert.equal(snippetText('a\nb\n'), 'a\nb');
		assert.equal(snippetText('a\n\n'), 'a\n');
		assert.equal(snippetText('a'), 'a');
	});
});

describe('src/snippets', () => {
	it('holds every code block of the sheet, in order, byte for byte', () => {
		assert.equal(snippets.length, sheet.codeBlocks.length);
		sheet.codeBlocks.forEach((block, index) => {
			const snippet = snippets[index];
			assert.ok(snippet);
			const file = read(`src/snippets/${snippet.file}`);
			assert.ok(
				file.endsWith('\n') && !file.endsWith('\n\n'),
				`${snippet.file} ends with exactly one newline`,
			);
			assert.equal(snippetText(file), block.code, `${snippet.file} differs from the sheet`);
			assert.equal(snippet.lang, block.lang, `${snippet.file} language`);
			assert.equal(snippet.heading, block.heading, `${snippet.file} heading`);
		});
	});

	it('titles a block with the file name wherever the sheet names one', () => {
		for (const [index, block] of sheet.codeBlocks.entries()) {
			const firstLineName = /^# ([\w/.-]+\.\w+)$/.exec(block.code.split('\n')[0] ?? '')?.[1];
			const headingName = /^(Dockerfile)\b/.exec(block.heading)?.[1];
			assert.equal(
				snippets[index]?.title,
				firstLineName ?? headingName,
				`title of block ${index + 1}`,
			);
		}
		assert.deepEqual(
			snippets.flatMap((snippet) => snippet.title ?? []),
			['Dockerfile', 'gunicorn.conf.py', 'app/logging_config.py'],
		);
	});

	it('are shown on their section’s page', () => {
		for (const snippet of snippets) {
			assert.ok(
				sections.some((section) => section.slug === snippet.page),
				`${snippet.page} is a section`,
			);
			assert.match(
				read(`src/content/docs/${snippet.page}.mdx`),
				new RegExp(`<Template file="${snippet.file.replace('.', '\\.')}" />`),
			);
		}
	});

	it('Python templates are valid Python and the shell commands valid bash', () => {
		for (const snippet of snippets) {
			const path = new URL(`src/snippets/${snippet.file}`, root).pathname;
			if (snippet.lang === 'python')
				execFileSync('python3', [
					'-c',
					'import ast, sys; ast.parse(open(sys.argv[1]).read())',
					path,
				]);
			if (snippet.lang === 'bash') execFileSync('bash', ['-n', path]);
		}
	});
});

describe('section pages', () => {
	it('one page per section, titled with the sheet’s heading', () => {
		const sheetSections = sheet.headings
			.filter((heading) => heading.level === 2)
			.map((heading) => heading.text);
		assert.deepEqual(
			sections.map((section) => section.heading),
			sheetSections,
		);
		for (const section of sections) {
			const page = readPage(section.slug);
			assert.match(page, new RegExp(`^---\\ntitle: ${escape(section.heading)}\\n`), section.slug);
		}
	});

	it('the sub-heading stays on its page', () => {
		assert.match(readPage('logging'), /^## Request Logging Middleware$/m);
	});
});

function readPage(slug: string): string {
	return read(`src/content/docs/${slug}.mdx`);
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
