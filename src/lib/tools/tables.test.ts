import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseImageRows, baseImagesHeaders } from '#data/base-images.ts';
import { metricRows, metricsHeaders } from '#data/metrics.ts';
import { workersHeaders, workersRows } from '#data/workers.ts';
import { baseImageName, baseImageRowsFor, recommendBaseImage } from './base-image.ts';
import { renderInline } from '#lib/sheet/inline-markdown.ts';
import { pythonVersions } from '#lib/settings/rules.ts';
import { cellText, parseSheet, repairEncoding } from '#lib/sheet/sheet.ts';
import {
	compareSortValues,
	countLabel,
	matchesFilter,
	nextSort,
	readTableState,
	sortRows,
	writeTableState,
} from './table-state.ts';

const sheet = parseSheet(
	repairEncoding(
		readFileSync(
			new URL('../../../source/production-deployment-cheat-sheet.md', import.meta.url),
			'utf8',
		),
	),
);

describe('table data', () => {
	it('holds the sheet’s three tables cell for cell', () => {
		const tables = [
			[metricsHeaders, metricRows],
			[baseImagesHeaders, baseImageRows],
			[workersHeaders, workersRows],
		] as const;
		tables.forEach(([headers, rows], index) => {
			const table = sheet.tables[index];
			assert.ok(table);
			assert.deepEqual(Object.values(headers), table.header);
			assert.deepEqual(
				rows.map((row) => Object.values(row.cells)),
				table.rows,
			);
		});
	});

	it('base image sizes as numbers agree with the size text', () => {
		assert.deepEqual(
			baseImageRows.map((row) => [row.cells.size, row.sizeMb]),
			[
				['~120 MB', 120],
				['~50 MB', 50],
				['~1 GB', 1000],
			],
		);
	});
});

describe('renderInline', () => {
	it('renders code and bold, escapes everything else', () => {
		assert.equal(
			renderInline('**Default choice** — pre-built wheels work'),
			'<strong>Default choice</strong> — pre-built wheels work',
		);
		assert.equal(
			renderInline('`http_errors_total{status=~"5.."}`'),
			'<code>http_<wbr>errors_<wbr>total<wbr>{status=~&#34;5..&#34;}</code>',
		);
		assert.equal(
			renderInline('<script>alert(1)</script> `**x**`'),
			'&#60;script&#62;alert(1)&#60;/script&#62; <code>**x**</code>',
		);
	});
});

describe('table state in the URL', () => {
	const spec = {
		sortable: ['metric', 'type', 'threshold'],
		chipValues: { type: ['Counter', 'Histogram', 'Gauge'] },
	};

	it('round-trips sort, filter and chips, keeping other keys', () => {
		const state = {
			sort: { column: 'threshold', direction: 'descending' as const },
			filter: 'pool size',
			chips: { type: ['Gauge', 'Counter'] },
		};
		const params = writeTableState(new URLSearchParams('q=healthz'), state, spec);
		assert.equal(
			params.toString(),
			'q=healthz&sort=threshold&dir=desc&filter=pool+size&type=Gauge%2CCounter',
		);
		assert.deepEqual(readTableState(params, spec), { state, problems: [] });
		assert.equal(writeTableState(params, { filter: '', chips: {} }, spec).toString(), 'q=healthz');
	});

	it('drops what it cannot use and says why', () => {
		const { state, problems } = readTableState(
			new URLSearchParams(`sort=bogus&type=Gauge,Nope&filter=${'x'.repeat(300)}`),
			spec,
		);
		assert.equal(state.sort, undefined);
		assert.deepEqual(state.chips, { type: ['Gauge'] });
		assert.equal(state.filter.length, 200);
		assert.deepEqual(problems, [
			'Cannot sort by “bogus”: there is no such column. Showing the sheet’s order.',
			'The filter in the address is longer than 200 characters; it was shortened.',
			'Unknown type “Nope”: choose from Counter, Histogram, Gauge.',
		]);
		assert.deepEqual(readTableState(new URLSearchParams('sort=type&dir=up'), spec).problems, [
			'Sort direction “up” is neither asc nor desc. Showing the sheet’s order.',
		]);
	});

	it('matches columns, directions and chip values in any case, as the table spells them', () => {
		const { state, problems } = readTableState(
			new URLSearchParams('sort=Type&dir=DESC&type=gauge,COUNTER,Gauge'),
			spec,
		);
		assert.deepEqual(problems, []);
		assert.deepEqual(state.sort, { column: 'type', direction: 'descending' });
		assert.deepEqual(state.chips, { type: ['Gauge', 'Counter'] });
		assert.equal(
			writeTableState(new URLSearchParams(), state, spec).toString(),
			'sort=type&dir=desc&type=Gauge%2CCounter',
		);
		assert.deepEqual(readTableState(new URLSearchParams('type=gauges'), spec).problems, [
			'Unknown type “gauges”: choose from Counter, Histogram, Gauge.',
		]);
	});
});

describe('sorting and filtering', () => {
	it('sorts sizes by value, not as text', () => {
		const sizes = baseImageRows.map((row) => row.sizeMb).sort(compareSortValues);
		assert.deepEqual(sizes, [50, 120, 1000]);
		assert.deepEqual(['~1 GB', '~120 MB', '~50 MB'].sort(compareSortValues), [
			'~1 GB',
			'~50 MB',
			'~120 MB',
		]);
	});

	it('text sorts naturally and without regard to case', () => {
		assert.deepEqual(['p99 > 500ms', 'p99 > 2s', 'Growing'].sort(compareSortValues), [
			'Growing',
			'p99 > 2s',
			'p99 > 500ms',
		]);
	});

	it('a column’s button cycles ascending, descending, then the sheet’s order', () => {
		assert.deepEqual(nextSort(undefined, 'type'), { column: 'type', direction: 'ascending' });
		assert.deepEqual(nextSort({ column: 'type', direction: 'ascending' }, 'type'), {
			column: 'type',
			direction: 'descending',
		});
		assert.equal(nextSort({ column: 'type', direction: 'descending' }, 'type'), undefined);
		assert.deepEqual(nextSort({ column: 'type', direction: 'descending' }, 'metric'), {
			column: 'metric',
			direction: 'ascending',
		});
		const spec = { sortable: ['type'], chipValues: {} };
		assert.equal(
			writeTableState(
				new URLSearchParams('sort=type&dir=desc'),
				{ sort: undefined, filter: '', chips: {} },
				spec,
			).toString(),
			'',
		);
	});

	it('rows without a value go last in either direction; ties and those keep the sheet’s order', () => {
		const rows = [
			['traffic', null],
			['latency', 2],
			['errors', 1],
			['pool', 80],
			['dbLatency', 0.5],
			['memory', 80],
			['gc', null],
		] as const;
		const ids = (direction: 'ascending' | 'descending') =>
			sortRows(rows, (row) => row[1], direction).map((row) => row[0]);
		assert.deepEqual(ids('ascending'), [
			'dbLatency',
			'errors',
			'latency',
			'pool',
			'memory',
			'traffic',
			'gc',
		]);
		assert.deepEqual(ids('descending'), [
			'pool',
			'memory',
			'latency',
			'errors',
			'dbLatency',
			'traffic',
			'gc',
		]);
		assert.deepEqual(
			sortRows(['b', 'A', 'c'], (row) => row, 'descending'),
			['c', 'b', 'A'],
		);
	});

	it('a row matches when it holds every word of the query', () => {
		assert.ok(matchesFilter('db_pool_active_connections Gauge > 80% pool size', 'POOL gauge'));
		assert.ok(matchesFilter('anything', '   '));
		assert.ok(!matchesFilter('db_pool_active_connections Gauge', 'pool counter'));
		assert.equal(countLabel(3, 8, 'metrics'), '3 of 8 metrics');
	});
});

describe('recommendBaseImage', () => {
	it('follows the sheet: build tools → full, small pure Python → alpine, else slim', () => {
		const pick = (cExtensions: boolean, buildToolsAtRuntime: boolean, sizeCritical: boolean) =>
			recommendBaseImage({ cExtensions, buildToolsAtRuntime, sizeCritical }).id;
		assert.equal(pick(false, false, false), 'slim');
		assert.equal(pick(true, false, false), 'slim');
		assert.equal(pick(true, false, true), 'slim');
		assert.equal(pick(false, false, true), 'alpine');
		assert.equal(pick(false, true, true), 'full');
		assert.equal(pick(true, true, false), 'full');
		assert.match(
			recommendBaseImage({ cExtensions: true, buildToolsAtRuntime: false, sizeCritical: true })
				.reason,
			/no C extensions/,
		);
	});

	const everyAnswer = [false, true].flatMap((cExtensions) =>
		[false, true].flatMap((buildToolsAtRuntime) =>
			[false, true].map((sizeCritical) => ({ cExtensions, buildToolsAtRuntime, sizeCritical })),
		),
	);

	it('names the table’s images in the sheet’s words at the default Python, 3.12', () => {
		const full = recommendBaseImage({
			cExtensions: false,
			buildToolsAtRuntime: true,
			sizeCritical: false,
		});
		assert.deepEqual(full, {
			id: 'full',
			image: 'python:3.12',
			reason:
				'You need build tools in the final image, and only python:3.12 (~1 GB) has them. The sheet says avoid it: compile in the build stage of the multi-stage Dockerfile instead, and the runtime can stay slim.',
		});
		assert.deepEqual(
			recommendBaseImage({ cExtensions: false, buildToolsAtRuntime: false, sizeCritical: true }),
			{
				id: 'alpine',
				image: 'python:3.12-alpine',
				reason:
					'Size is critical and your code is pure Python, no C extensions: python:3.12-alpine (~50 MB) fits.',
			},
		);
		for (const answers of everyAnswer) {
			const recommendation = recommendBaseImage(answers);
			assert.deepEqual(recommendBaseImage(answers, '3.12'), recommendation);
			assert.equal(
				recommendation.image,
				cellText(baseImageRows.find((row) => row.id === recommendation.id)?.cells.image ?? ''),
			);
		}
	});

	it('follows the Python setting in the image and the reason, and nowhere else', () => {
		for (const python of pythonVersions) {
			for (const answers of everyAnswer) {
				const atDefault = recommendBaseImage(answers);
				const recommendation = recommendBaseImage(answers, python);
				assert.equal(recommendation.id, atDefault.id);
				assert.equal(recommendation.image, atDefault.image.replace('3.12', python));
				assert.equal(
					recommendation.reason,
					atDefault.reason.replace('python:3.12', `python:${python}`),
				);
			}
		}
		assert.throws(() => recommendBaseImage(everyAnswer[0]!, '3.8'), /Setting python:/);
	});
});

describe('base image table and the Python setting', () => {
	it('each image cell is python: + the Python version + its tag suffix, so the default rows are the sheet’s', () => {
		for (const row of baseImageRows)
			assert.equal(row.cells.image, `\`python:3.12${row.tagSuffix}\``);
		assert.deepEqual(baseImageRowsFor(), baseImageRows);
		assert.deepEqual(baseImageRowsFor('3.12'), baseImageRows);
	});

	it('another version changes the image cells only', () => {
		const rows = baseImageRowsFor('3.9');
		assert.deepEqual(
			rows.map((row) => row.cells.image),
			['`python:3.9-slim`', '`python:3.9-alpine`', '`python:3.9`'],
		);
		assert.deepEqual(
			rows.map(({ cells: { image: _image, ...rest }, ...row }) => ({ ...row, cells: rest })),
			baseImageRows.map(({ cells: { image: _image, ...rest }, ...row }) => ({
				...row,
				cells: rest,
			})),
		);
		assert.equal(baseImageName('slim', '3.14'), 'python:3.14-slim');
		assert.throws(() => baseImageRowsFor('<img src=x onerror=alert(1)>'), /Setting python:/);
	});
});
