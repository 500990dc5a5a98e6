import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { notesFor, productionNotes } from '#data/production-notes.ts';
import { sections } from '#data/sections.ts';
import { llmsFull, llmsIndex, templatesMarkdown } from './llms.ts';
import { parseSheet, repairEncoding } from './sheet.ts';

const sheet = readFileSync(
	new URL('../../../source/production-deployment-cheat-sheet.md', import.meta.url),
	'utf8',
);
const parsed = parseSheet(repairEncoding(sheet));
const allNotes = Object.values(productionNotes).flat();

describe('production notes', () => {
	it('belong to known sections, and every section has some', () => {
		const slugs = sections.map((section) => section.slug);
		assert.deepEqual(
			Object.keys(productionNotes).filter((slug) => !slugs.includes(slug)),
			[],
		);
		for (const slug of slugs) assert.ok(notesFor(slug).length > 0, slug);
	});

	it('cite an https source each, with a label', () => {
		for (const note of allNotes) {
			assert.equal(new URL(note.source.url).protocol, 'https:', note.title);
			assert.ok(note.source.label.trim(), note.title);
			assert.ok(note.breaks.trim() && note.fix.trim(), note.title);
		}
	});
});

describe('llms.txt', () => {
	for (const base of ['/', '/docs/cheat-sheet/']) {
		it(`links every section page and llms-full.txt under ${base}`, () => {
			const text = llmsIndex({ sheet, sections, base });
			assert.ok(text.startsWith('# Production Deployment Cheat Sheet\n\n> '));
			for (const section of sections)
				assert.ok(text.includes(`- [${section.heading}](${base}${section.slug}/)`), section.slug);
			assert.ok(text.includes(`](${base}llms-full.txt)`));
		});
	}
});

describe('llms-full.txt', () => {
	const text = llmsFull({ sheet, sections, notesFor });

	it('holds every heading, code block and table row of the sheet, the dash repaired', () => {
		for (const heading of parsed.headings)
			assert.ok(text.includes(`${'#'.repeat(heading.level)} ${heading.text}\n`), heading.text);
		for (const block of parsed.codeBlocks) assert.ok(text.includes(block.code), block.heading);
		for (const table of parsed.tables)
			for (const row of table.rows) assert.ok(text.includes(`| ${row.join(' | ')} |`), row[0]);
		assert.ok(text.includes('**Default choice** — pre-built wheels work'));
		assert.doesNotMatch(text, /â€/);
	});

	it('follows each section with its production notes and every note’s source URL', () => {
		for (const note of allNotes) assert.ok(text.includes(`](${note.source.url})`), note.source.url);
		const gunicorn = text.indexOf('## Gunicorn Config Template');
		const notes = text.indexOf('### Production notes', gunicorn);
		assert.ok(notes > gunicorn && notes < text.indexOf('## structlog Setup Template'));
	});

	it('appends what the per-section hook returns, after the notes', () => {
		const extended = llmsFull({ sheet, sections, notesFor }, (section) =>
			section.slug === 'dockerfile' ? '### Hardened variant\n\nEXTRA' : '',
		);
		const at = extended.indexOf('### Hardened variant');
		assert.ok(
			at > extended.indexOf('### Production notes') &&
				at < extended.indexOf('## Gunicorn Config Template'),
		);
	});
});

describe('templatesMarkdown', () => {
	it('fences each template longer than any backtick run in it, under its heading, with its versions', () => {
		const markdown = templatesMarkdown([
			{
				heading: 'Hardened: start.sh',
				lang: 'bash',
				text: 'echo "```"',
				verifiedWith: 'Smoke-run on Debian unstable, with uvicorn 0.53.0 installed',
			},
			{ heading: '.dockerignore', lang: 'txt', text: '.venv' },
		]);
		assert.equal(
			markdown,
			'### Hardened: start.sh\n\n````bash\necho "```"\n````\n\nSmoke-run on Debian unstable, with uvicorn 0.53.0 installed.\n\n### .dockerignore\n\n```txt\n.venv\n```',
		);
	});
});
