import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate } from '#lib/settings/fill.ts';
import { defaultSettings } from '#lib/settings/rules.ts';
import { snippetText } from '#lib/templates/snippet.ts';
import {
	commandGroups,
	computeWorkers,
	parseCpu,
	workersCommands,
	type WorkersInput,
} from './workers.ts';

const base: WorkersInput = {
	deployment: 'vm',
	workerType: 'sync',
	cpu: '4',
	memory: '',
	memoryUnit: 'GiB',
	rss: '',
	rssUnit: 'MiB',
};
const workers = (input: Partial<WorkersInput>) => {
	const outcome = computeWorkers({ ...base, ...input });
	assert.ok(outcome.ok, JSON.stringify(outcome));
	return outcome.result;
};
const errors = (input: Partial<WorkersInput>) => {
	const outcome = computeWorkers({ ...base, ...input });
	assert.ok(!outcome.ok, `expected errors for ${JSON.stringify(input)}`);
	return outcome.errors;
};

describe('parseCpu', () => {
	it('reads cores, fractions and Kubernetes millicores', () => {
		assert.deepEqual(parseCpu('4'), { value: 4 });
		assert.deepEqual(parseCpu(' 0.5 '), { value: 0.5 });
		assert.deepEqual(parseCpu('1500m'), { value: 1.5 });
		assert.deepEqual(parseCpu('.25'), { value: 0.25 });
	});

	it('follows the site’s number rule: no exponents, no commas', () => {
		assert.deepEqual(parseCpu('1e3'), {
			error: '“1e3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(parseCpu('1e3m'), {
			error: '“1e3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(parseCpu('1,5'), {
			error: '“1,5”: write it without commas, with a dot for decimals, such as 1.5.',
		});
		assert.deepEqual(parseCpu('m'), { error: 'Enter the CPU cores, such as 4, 0.5 or 1500m.' });
	});

	it('takes only a lower-case m as millicores: 1500M (mega) is no CPU limit', () => {
		assert.deepEqual(parseCpu('1500M'), {
			error: '“1500M” is not a number of cores. Use 4, 0.5 or 1500m.',
		});
	});
});

describe('computeWorkers', () => {
	it('bare metal / VM: CPU * 2 + 1 for sync, CPU for async', () => {
		assert.equal(workers({ cpu: '4' }).workers, 9);
		assert.deepEqual(workers({ cpu: '4' }).steps, ['CPU * 2 + 1 = 4 * 2 + 1 = 9']);
		assert.equal(workers({ cpu: '4', workerType: 'async' }).workers, 4);
		assert.equal(workers({ cpu: '0.5', workerType: 'async' }).workers, 1);
		assert.equal(workers({ cpu: '1.5' }).workers, 4);
	});

	it('Kubernetes: 1-2 workers per pod from the CPU limit', () => {
		assert.equal(workers({ deployment: 'kubernetes', cpu: '500m' }).workers, 1);
		assert.equal(workers({ deployment: 'kubernetes', cpu: '1500m' }).workers, 1);
		assert.equal(workers({ deployment: 'kubernetes', cpu: '2' }).workers, 2);
		assert.equal(workers({ deployment: 'kubernetes', cpu: '16' }).workers, 2);
	});

	it('memory-constrained: RAM / per-worker RSS, rounded down', () => {
		const result = workers({
			deployment: 'memory',
			cpu: '',
			memory: '2',
			memoryUnit: 'GiB',
			rss: '300',
			rssUnit: 'MiB',
		});
		assert.equal(result.workers, 6);
		assert.deepEqual(result.steps, ['RAM / (per-worker RSS) = 2 GiB / 300 MiB = 6.83 → 6']);
		assert.equal(result.bound, undefined);
	});

	it('names the bound that won where CPU and memory both apply', () => {
		const memoryWins = workers({ cpu: '8', memory: '1', rss: '256' });
		assert.equal(memoryWins.workers, 4);
		assert.equal(memoryWins.bound, 'memory');
		assert.match(memoryWins.summary, /Memory allows 4, CPU 17: memory is the bound/);
		const cpuWins = workers({ cpu: '2', memory: '8', rss: '256' });
		assert.equal(cpuWins.workers, 5);
		assert.equal(cpuWins.bound, 'cpu');
		assert.equal(
			workers({ cpu: '1', workerType: 'async', memory: '1', rss: '1024', rssUnit: 'MiB' }).bound,
			'both',
		);
	});

	it('gives a message for every bad input, never NaN, Infinity or 0', () => {
		assert.deepEqual(errors({ cpu: '' }), { cpu: 'Enter the CPU cores, such as 4, 0.5 or 1500m.' });
		assert.deepEqual(errors({ cpu: '-2' }), { cpu: 'CPU must be more than 0.' });
		assert.deepEqual(errors({ cpu: '0' }), { cpu: 'CPU must be more than 0.' });
		assert.deepEqual(errors({ cpu: 'four' }), {
			cpu: '“four” is not a number of cores. Use 4, 0.5 or 1500m.',
		});
		assert.deepEqual(errors({ cpu: 'Infinity' }), {
			cpu: '“Infinity” is not a number of cores. Use 4, 0.5 or 1500m.',
		});
		assert.deepEqual(errors({ cpu: 'NaN' }), {
			cpu: '“NaN” is not a number of cores. Use 4, 0.5 or 1500m.',
		});
		assert.deepEqual(errors({ cpu: '5000' }), {
			cpu: 'More than 1024 cores: enter the cores of one machine or pod.',
		});
		assert.deepEqual(errors({ cpu: '1e3' }), {
			cpu: '“1e3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(errors({ cpu: '1,5' }), {
			cpu: '“1,5”: write it without commas, with a dot for decimals, such as 1.5.',
		});
		assert.deepEqual(errors({ cpu: '0.1m' }), {
			cpu: 'Less than 1 millicore (1m) is not a CPU limit Kubernetes accepts.',
		});
		assert.deepEqual(errors({ deployment: 'memory', cpu: '', memory: '', rss: '' }), {
			memory: 'Enter the memory limit.',
			rss: 'Enter the per-worker RSS.',
		});
		assert.deepEqual(errors({ memory: '512', memoryUnit: 'MiB', rss: '1', rssUnit: 'GiB' }), {
			rss: 'A worker’s RSS (1 GiB) is larger than the memory limit (512 MiB): not even one worker fits.',
		});
		assert.deepEqual(errors({ memory: '4', rss: '' }), { rss: 'Enter the per-worker RSS.' });
		assert.deepEqual(errors({ memory: '20000', rss: '300' }), {
			memory: 'More than 16 TiB: enter the memory limit of one machine or pod.',
		});
		assert.deepEqual(errors({ memory: '1e3', rss: '300' }), {
			memory: '“1e3”: write the number in plain digits, without an exponent.',
		});
		assert.deepEqual(errors({ memory: '4', rss: '1,024' }), {
			rss: '“1,024”: write it without commas, with a dot for decimals, such as 1.5.',
		});
		assert.deepEqual(errors({ memory: 'lots', rss: '300' }), {
			memory: '“lots” is not a number. Enter the memory limit in GiB.',
		});
	});

	it('every valid result is a whole number of workers, at least 1', () => {
		for (const deployment of ['vm', 'kubernetes', 'memory'] as const) {
			for (const workerType of ['sync', 'async'] as const) {
				for (const cpu of ['0.001', '1m', '0.5', '1', '3', '1024']) {
					const outcome = computeWorkers({
						...base,
						deployment,
						workerType,
						cpu,
						memory: '64',
						rss: '0.5',
						rssUnit: 'GiB',
					});
					assert.ok(outcome.ok);
					assert.ok(
						Number.isInteger(outcome.result.workers) && outcome.result.workers >= 1,
						`${deployment} ${workerType} ${cpu}`,
					);
				}
			}
		}
	});
});

describe('workersCommands', () => {
	it('gives the environment variable and the command-line flag', () => {
		assert.deepEqual(workersCommands(5), {
			env: 'WEB_CONCURRENCY=5',
			command: 'gunicorn app.main:app -c gunicorn.conf.py --workers 5',
		});
	});

	it('runs the reader’s ASGI app: the sheet’s quick command with --workers, app.main:app by default', () => {
		assert.deepEqual(workersCommands(5, 'app.main:app'), workersCommands(5));
		assert.deepEqual(workersCommands(3, 'pkg_1.sub.mod:create_app'), {
			env: 'WEB_CONCURRENCY=3',
			command: 'gunicorn pkg_1.sub.mod:create_app -c gunicorn.conf.py --workers 3',
		});
		// The quick command “Run production locally”, filled with the same app, plus the flag.
		const quickCommands = snippetText(
			readFileSync(new URL('../../../src/snippets/quick-commands.sh', import.meta.url), 'utf8'),
		);
		const runLocally = fillTemplate('quick-commands.sh', quickCommands, {
			...defaultSettings,
			app: 'orders.api:app',
		}).split('\n')[1];
		assert.equal(workersCommands(2, 'orders.api:app').command, `${runLocally} --workers 2`);
		assert.deepEqual(commandGroups(workersCommands(3, 'orders.api:app').command), [
			'gunicorn',
			'orders.api:app',
			'-c gunicorn.conf.py',
			'--workers 3',
		]);
	});

	it('refuses an app that fails its rule', () => {
		for (const app of ['app.main:app --reload', '<img src=x onerror=alert(1)>', 'app.main'])
			assert.throws(() => workersCommands(2, app), /Setting app:/);
	});
});

describe('commandGroups', () => {
	it('keeps each flag with its value, and joins back to the command', () => {
		const { command } = workersCommands(5);
		assert.deepEqual(commandGroups(command), [
			'gunicorn',
			'app.main:app',
			'-c gunicorn.conf.py',
			'--workers 5',
		]);
		assert.equal(commandGroups(command).join(' '), command);
		assert.deepEqual(commandGroups('gunicorn --preload --workers 3 app:app'), [
			'gunicorn',
			'--preload',
			'--workers 3',
			'app:app',
		]);
	});
});
