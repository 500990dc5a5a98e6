import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellText, parseSheet, repairEncoding } from './sheet.ts';

const pristinePath = new URL(
	'../../../source/production-deployment-cheat-sheet.md',
	import.meta.url,
);
const sharedSeed = new URL(
	'../../../../shared/seed/production-deployment-cheat-sheet.md',
	import.meta.url,
);
const pristine = readFileSync(pristinePath, 'utf8');

describe('the pristine copy of the sheet', () => {
	it('is the user’s file, byte for byte', () => {
		const digest = createHash('sha256').update(readFileSync(pristinePath)).digest('hex');
		assert.equal(digest, 'd7d16328fa83b90bff3c5049caa4216bb53349be6f02682dd98fa20ccdf7d7a2');
		if (existsSync(sharedSeed)) assert.equal(pristine, readFileSync(sharedSeed, 'utf8'));
	});
});

describe('repairEncoding', () => {
	it('turns the double-encoded em dash back into —', () => {
		assert.equal(
			repairEncoding('**Default choice** â€” pre-built wheels work'),
			'**Default choice** — pre-built wheels work',
		);
	});

	it('leaves no trace of Windows-1252 mojibake in the sheet and changes nothing else', () => {
		const repaired = repairEncoding(pristine);
		assert.doesNotMatch(repaired, /â€|Ã.|Â/);
		assert.equal(repaired.length, pristine.length - 2, 'three damaged characters become one');
		assert.equal(repaired.replace('—', 'â€”'), pristine);
	});
});

describe('parseSheet', () => {
	const sheet = parseSheet(repairEncoding(pristine));

	it('finds the title, the subtitle and every heading', () => {
		assert.equal(sheet.title, 'Production Deployment Cheat Sheet');
		assert.equal(
			sheet.subtitle,
			"Copy-paste templates and quick-reference tables. Scan, don't read.",
		);
		assert.deepEqual(
			sheet.headings.map((heading) => `${heading.level} ${heading.text}`),
			[
				'2 Dockerfile Template (Multi-Stage with uv)',
				'2 Gunicorn Config Template',
				'2 structlog Setup Template',
				'3 Request Logging Middleware',
				'2 OpenTelemetry Setup',
				'2 Sentry Setup',
				'2 Health Check Endpoint Template',
				'2 Key Production Metrics',
				'2 Docker Base Image Decision',
				'2 Workers Formula',
				'2 Quick Commands',
			],
		);
	});

	it('finds the eight code blocks with their languages', () => {
		assert.deepEqual(
			sheet.codeBlocks.map((block) => block.lang),
			['dockerfile', 'python', 'python', 'python', 'python', 'python', 'python', 'bash'],
		);
		assert.ok(
			sheet.codeBlocks[0]?.code.startsWith(
				'# ---- Build Stage ----\nFROM python:3.12-slim AS builder',
			),
		);
		assert.ok(
			sheet.codeBlocks[7]?.code.endsWith(
				'kubectl rollout undo deployment/fastapi-service  # rollback',
			),
		);
	});

	it('finds the three tables with every row', () => {
		assert.deepEqual(
			sheet.tables.map((table) => [table.heading, table.header.length, table.rows.length]),
			[
				['Key Production Metrics', 4, 8],
				['Docker Base Image Decision', 3, 3],
				['Workers Formula', 3, 3],
			],
		);
		assert.deepEqual(sheet.tables[1]?.rows[0], [
			'`python:3.12-slim`',
			'~120 MB',
			'**Default choice** — pre-built wheels work',
		]);
	});

	it('rejects an unclosed code fence instead of swallowing the rest', () => {
		assert.throws(() => parseSheet('## A\n\n```bash\necho hi\n'), /Unclosed code fence at line 3/);
	});
});

describe('cellText', () => {
	it('drops code and bold marks as a reader sees the cell', () => {
		assert.equal(
			cellText('`CPU * 2 + 1` (sync) or `CPU` (async)'),
			'CPU * 2 + 1 (sync) or CPU (async)',
		);
		assert.equal(
			cellText('**Default choice** — pre-built wheels work'),
			'Default choice — pre-built wheels work',
		);
	});
});
