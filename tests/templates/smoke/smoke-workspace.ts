/**
 * The sets of Python templates the smoke runs drive, and the throwaway folder each runs in.
 *
 * - the sheet's templates (src/snippets/*.py), at the defaults and with non-default settings;
 * - the hardened set: the sheet's templates with each src/snippets/hardened/ file in place of the
 *   one of the same name (as a reader combines them), at both settings sets.
 *
 * Each runs inside the Debian unstable root (scripts/debian-unstable.sh), with its workspace bound
 * at /workspace.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { filledText, settingsSets, type SettingsSet } from '../filled.ts';
import { servedTemplates, type ServedTemplate } from '../served-templates.ts';

export interface SmokeFile {
	template: ServedTemplate;
	/** For messages: `src/snippets/hardened/health.py`. */
	origin: string;
}

export interface SmokeSet {
	label: string;
	files: SmokeFile[];
	settings: SettingsSet;
}

const standins = fileURLToPath(new URL('standins/', import.meta.url));
const harness = fileURLToPath(new URL('smoke.py', import.meta.url));
const rootScript = fileURLToPath(import.meta.resolve('#scripts/debian-unstable.sh'));

/** `base` with each file of `over` in place of the one of the same name. */
function overlay(base: readonly SmokeFile[], over: readonly SmokeFile[]): SmokeFile[] {
	const names = new Set(over.map((file) => file.template.name));
	return [...base.filter((file) => !names.has(file.template.name)), ...over];
}

export function smokeSets(): SmokeSet[] {
	const python = (folder: string, templates: ServedTemplate[]) =>
		templates
			.filter((template) => template.kind === 'python')
			.map((template) => ({ template, origin: `${folder}/${template.path}` }));
	const served = python('src/snippets', servedTemplates());
	const sheet = served.filter((file) => !file.template.hardened);
	const hardened = served.filter((file) => file.template.hardened);
	return [
		...settingsSets.map((settings) => ({ label: 'sheet', files: sheet, settings })),
		...settingsSets.map((settings) => ({
			label: 'hardened',
			files: overlay(sheet, hardened),
			settings,
		})),
	];
}

/** The app module gunicorn is pointed at (`pkg.mod:attr`), as a bare ASGI app: `--check-config` only imports it, so nothing heavier. */
function writeAppStandIn(root: string, app: string): void {
	const [modulePath = '', attribute = ''] = app.split(':');
	const parts = modulePath.split('.');
	parts.slice(0, -1).forEach((_, index) => {
		const init = join(root, ...parts.slice(0, index + 1), '__init__.py');
		mkdirSync(dirname(init), { recursive: true });
		writeFileSync(init, '', { flag: 'a' });
	});
	writeFileSync(
		join(root, ...parts) + '.py',
		`# Stand-in ASGI app for gunicorn --check-config.\nasync def ${attribute}(scope, receive, send):\n    raise NotImplementedError\n`,
	);
}

/** A fresh folder holding the set's templates filled with its settings, the stand-ins and the manifest smoke.py reads. */
export function buildWorkspace(set: SmokeSet): string {
	const root = mkdtempSync(join(tmpdir(), 'template-smoke-'));
	cpSync(standins, root, { recursive: true });
	copyFileSync(harness, join(root, 'smoke.py'));
	writeAppStandIn(root, set.settings.values.app);
	const files: Record<string, { origin: string; fromSheet: boolean }> = {};
	for (const { template, origin } of set.files) {
		const target =
			template.name === 'gunicorn.conf.py'
				? join(root, template.name)
				: join(root, 'app', template.name);
		writeFileSync(target, filledText(template, set.settings.values));
		files[template.name] = { origin, fromSheet: template.fromSheet };
	}
	writeFileSync(
		join(root, 'manifest.json'),
		JSON.stringify({ files, settings: set.settings.values }),
	);
	return root;
}

export interface SmokeCheck {
	name: string;
	ok: boolean;
	detail: string;
	seconds: number;
}

export interface SmokeReport {
	/** `python` and each distribution smoke.py asks importlib.metadata about (null: not installed), and `prometheus`. */
	versions: Record<string, string | null>;
	/** `debianVersion` (`forky/sid`) and `archiveDate`, the day of the archive the root was built from. */
	system: { debianVersion: string; archiveDate?: string };
	checks: SmokeCheck[];
	/** Whether a package works in the root (the OTLP exporters): recorded, not asserted; a failed one is not run. */
	probes: Array<SmokeCheck & { package: string }>;
	notes: string[];
}

const run = promisify(execFile);

/**
 * The Debian unstable root, built first if its package list has none yet (a minute or more;
 * concurrent callers wait for the one build). `log` is what the build printed, empty when cached.
 */
export async function unstableRoot(): Promise<{ path: string; log: string }> {
	const { stdout, stderr } = await run('bash', [rootScript, 'path'], { encoding: 'utf8' });
	return { path: stdout.trim(), log: stderr.trim() };
}

/** smoke.py run by the Debian unstable root's Python in a fresh workspace for the set, removed afterwards. */
export async function runSmoke(set: SmokeSet): Promise<SmokeReport> {
	const workspace = buildWorkspace(set);
	try {
		const { stdout } = await run(
			'bash',
			[rootScript, 'run', '--bind', workspace, 'python3', 'smoke.py', '/workspace'],
			{ encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
		);
		return JSON.parse(stdout) as SmokeReport;
	} finally {
		rmSync(workspace, { recursive: true, force: true });
	}
}
