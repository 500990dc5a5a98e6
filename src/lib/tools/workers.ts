/**
 * The sheet's workers formulas, computed for one service. Every input is text from a form field;
 * every way it can be wrong comes back as a message for that field, never NaN or 0 workers.
 */
import type { DeploymentId } from '#data/workers.ts';
import { parseDecimal, type ParsedNumber } from '#lib/number.ts';
import { quoted } from '#lib/quote.ts';
import { defaultSettings, validateSetting } from '#lib/settings/rules.ts';

export type WorkerType = 'sync' | 'async';
export type MemoryUnit = 'MiB' | 'GiB';
export type WorkersField = 'cpu' | 'memory' | 'rss';

export interface WorkersInput {
	deployment: DeploymentId;
	workerType: WorkerType;
	/** Cores: `4`, `0.5`, or Kubernetes millicores `1500m`. */
	cpu: string;
	/** Memory limit of the machine or pod. */
	memory: string;
	memoryUnit: MemoryUnit;
	/** Resident memory of one worker. */
	rss: string;
	rssUnit: MemoryUnit;
}

export interface WorkersResult {
	workers: number;
	/** Each formula used, with the numbers put in. */
	steps: string[];
	/** Which bound set the count where both CPU and memory apply. */
	bound?: 'cpu' | 'memory' | 'both';
	summary: string;
}

export type WorkersOutcome =
	| { ok: true; result: WorkersResult }
	| { ok: false; errors: Partial<Record<WorkersField, string>> };

export const MAX_CORES = 1024;
const MAX_MEMORY_MIB = 16 * 1024 * 1024; // 16 TiB
const MIB_PER_UNIT: Record<MemoryUnit, number> = { MiB: 1, GiB: 1024 };

export function parseCpu(text: string): ParsedNumber {
	const raw = text.trim();
	// Kubernetes' milli is a lower-case m; `M` is mega (10⁶), not a CPU quantity anyone means.
	const millicores = raw.endsWith('m');
	const parsed = parseDecimal(millicores ? raw.slice(0, -1) : raw, {
		empty: 'Enter the CPU cores, such as 4, 0.5 or 1500m.',
		notANumber: () => `${quoted(raw)} is not a number of cores. Use 4, 0.5 or 1500m.`,
	});
	if ('error' in parsed) return parsed;
	const cores = parsed.value / (millicores ? 1000 : 1);
	if (!(cores > 0)) return { error: 'CPU must be more than 0.' };
	if (cores < 0.001)
		return { error: 'Less than 1 millicore (1m) is not a CPU limit Kubernetes accepts.' };
	if (cores > MAX_CORES)
		return { error: `More than ${MAX_CORES} cores: enter the cores of one machine or pod.` };
	return { value: cores };
}

export function parseMemory(text: string, unit: MemoryUnit, what: string): ParsedNumber {
	const parsed = parseDecimal(text, {
		empty: `Enter the ${what}.`,
		notANumber: (raw) => `${quoted(raw)} is not a number. Enter the ${what} in ${unit}.`,
	});
	if ('error' in parsed) return parsed;
	const mib = parsed.value * MIB_PER_UNIT[unit];
	if (!(mib > 0)) return { error: `The ${what} must be more than 0.` };
	if (mib > MAX_MEMORY_MIB)
		return { error: `More than 16 TiB: enter the ${what} of one machine or pod.` };
	return { value: mib };
}

/** `1.5 cores`, `1 core`. */
function cores(value: number): string {
	return `${format(value)} ${value === 1 ? 'core' : 'cores'}`;
}

/** Numbers as people write them: at most two decimals, no trailing zeros. */
export function format(value: number): string {
	return String(Number(value.toFixed(2)));
}

function formatMiB(mib: number): string {
	return mib >= 1024 && mib % 1024 === 0 ? `${format(mib / 1024)} GiB` : `${format(mib)} MiB`;
}

function cpuBound(
	deployment: DeploymentId,
	workerType: WorkerType,
	cpu: number,
): { workers: number; step: string } {
	if (deployment === 'kubernetes') {
		const workers = Math.min(2, Math.max(1, Math.floor(cpu)));
		return {
			workers,
			step: `1-2 workers per pod: one per whole core of ${cores(cpu)}, at least 1, at most 2 = ${workers}`,
		};
	}
	if (workerType === 'sync') {
		const workers = Math.floor(cpu * 2 + 1);
		return {
			workers,
			step: `CPU * 2 + 1 = ${format(cpu)} * 2 + 1 = ${workers}${Number.isInteger(cpu) ? '' : ' (rounded down)'}`,
		};
	}
	const workers = Math.max(1, Math.floor(cpu));
	return {
		workers,
		step: `CPU = ${cores(cpu)} → ${workers}${Number.isInteger(cpu) ? '' : ' (whole cores, at least 1)'}`,
	};
}

export function computeWorkers(input: WorkersInput): WorkersOutcome {
	const errors: Partial<Record<WorkersField, string>> = {};
	const memoryGiven = input.memory.trim() !== '' || input.rss.trim() !== '';
	const needsMemory = input.deployment === 'memory' || memoryGiven;
	const needsCpu = input.deployment !== 'memory' || input.cpu.trim() !== '';

	const cpu = needsCpu ? parseCpu(input.cpu) : undefined;
	if (cpu && 'error' in cpu) errors.cpu = cpu.error;
	const memory = needsMemory
		? parseMemory(input.memory, input.memoryUnit, 'memory limit')
		: undefined;
	if (memory && 'error' in memory) errors.memory = memory.error;
	const rss = needsMemory ? parseMemory(input.rss, input.rssUnit, 'per-worker RSS') : undefined;
	if (rss && 'error' in rss) errors.rss = rss.error;
	if (memory && 'value' in memory && rss && 'value' in rss && rss.value > memory.value) {
		errors.rss = `A worker’s RSS (${formatMiB(rss.value)}) is larger than the memory limit (${formatMiB(memory.value)}): not even one worker fits.`;
	}
	if (Object.keys(errors).length) return { ok: false, errors };

	const steps: string[] = [];
	const cpuResult =
		cpu && 'value' in cpu ? cpuBound(input.deployment, input.workerType, cpu.value) : undefined;
	if (cpuResult) steps.push(cpuResult.step);
	let memoryWorkers: number | undefined;
	if (memory && 'value' in memory && rss && 'value' in rss) {
		memoryWorkers = Math.floor(memory.value / rss.value);
		const exact = memory.value / rss.value;
		steps.push(
			`RAM / (per-worker RSS) = ${formatMiB(memory.value)} / ${formatMiB(rss.value)} = ${format(exact)}${Number.isInteger(exact) ? '' : ` → ${memoryWorkers}`}`,
		);
	}

	if (cpuResult && memoryWorkers !== undefined) {
		const workers = Math.min(cpuResult.workers, memoryWorkers);
		const bound =
			cpuResult.workers === memoryWorkers
				? 'both'
				: cpuResult.workers < memoryWorkers
					? 'cpu'
					: 'memory';
		const summary =
			bound === 'both'
				? `CPU and memory both allow ${workers}.`
				: bound === 'cpu'
					? `CPU allows ${cpuResult.workers}, memory ${memoryWorkers}: CPU is the bound.`
					: `Memory allows ${memoryWorkers}, CPU ${cpuResult.workers}: memory is the bound, so run ${workers} to prevent OOM.`;
		return { ok: true, result: { workers, steps, bound, summary } };
	}
	const workers = cpuResult?.workers ?? memoryWorkers ?? 1;
	return {
		ok: true,
		result: { workers, steps, summary: `Run ${workers} ${workers === 1 ? 'worker' : 'workers'}.` },
	};
}

/**
 * The lines to paste: an environment variable for gunicorn.conf.py, or a command-line flag on the
 * sheet's own command for the reader's ASGI app (the sheet's `app.main:app` by default).
 */
export function workersCommands(
	workers: number,
	app: string = defaultSettings.app,
): { env: string; command: string } {
	const checked = validateSetting('app', app);
	if ('error' in checked) throw new Error(`Setting app: ${checked.error}`);
	return {
		env: `WEB_CONCURRENCY=${workers}`,
		command: `gunicorn ${checked.value} -c gunicorn.conf.py --workers ${workers}`,
	};
}

/**
 * A command's words grouped for display, each flag with its value (`-c gunicorn.conf.py`), so a
 * narrow screen wraps between groups and never leaves `-` at the end of a line.
 */
export function commandGroups(command: string): string[] {
	const groups: string[] = [];
	const words = command.split(' ');
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		const value = words[index + 1];
		if (word.startsWith('-') && value !== undefined && !value.startsWith('-')) {
			groups.push(`${word} ${value}`);
			index++;
		} else groups.push(word);
	}
	return groups;
}
