/**
 * Shell templates: `bash -n` (or `sh -n`) for syntax, then ShellCheck over all of them in one
 * run. ShellCheck settings for a snippet of commands meant to be pasted, not a script file:
 * `--shell` given (a snippet has no shebang, so ShellCheck would otherwise stop at SC2148),
 * `--norc` (no user or project rc file changes the result), every check on at the default
 * severity (style included), and no code excluded.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ShellSource {
	label: string;
	text: string;
	dialect: 'bash' | 'sh';
}

interface ShellCheckComment {
	file: string;
	line: number;
	column: number;
	level: string;
	code: number;
	message: string;
}

/** ShellCheck's exit status is 1 when it has comments: only a failure to run is an error. */
async function shellcheck(args: string[]): Promise<ShellCheckComment[]> {
	const output = await run('shellcheck', args, { encoding: 'utf8' }).catch(
		(error: { code?: number; stdout?: string }) => {
			if (error.code === 1 && error.stdout) return { stdout: error.stdout };
			throw error;
		},
	);
	return (JSON.parse(output.stdout) as { comments: ShellCheckComment[] }).comments;
}

export async function shellcheckVersion(): Promise<string> {
	const { stdout } = await run('shellcheck', ['--version'], { encoding: 'utf8' });
	return /version: (\S+)/.exec(stdout)?.[1] ?? 'unknown';
}

/** For each source, its problems: `label:line:column: message` from the shell's `-n`, `label:line:column: SC1234 (level) message` from ShellCheck. */
export async function shellProblems(sources: readonly ShellSource[]): Promise<string[][]> {
	const dir = mkdtempSync(join(tmpdir(), 'shell-templates-'));
	const paths = sources.map((source, index) => {
		const path = join(dir, `${index}.sh`);
		writeFileSync(path, source.text);
		return path;
	});
	const syntax = Promise.all(
		sources.map((source, index) =>
			run(source.dialect, ['-n', paths[index] ?? ''], { encoding: 'utf8' }).then(
				() => [],
				(error: { stderr?: string }) => [
					`${source.label}: ${source.dialect} -n: ${(error.stderr ?? '').replaceAll(paths[index] ?? '', source.label).trim()}`,
				],
			),
		),
	);
	const byDialect = (['bash', 'sh'] as const).map(async (dialect) => {
		const files = paths.filter((_, index) => sources[index]?.dialect === dialect);
		return files.length === 0
			? []
			: shellcheck(['--norc', '--shell', dialect, '--format', 'json1', ...files]);
	});
	const [syntaxProblems, comments] = await Promise.all([
		syntax,
		Promise.all(byDialect).then((lists) => lists.flat()),
	]);
	return sources.map((source, index) => [
		...(syntaxProblems[index] ?? []),
		...comments
			.filter((comment) => comment.file === paths[index])
			.map(
				(comment) =>
					`${source.label}:${comment.line}:${comment.column}: SC${comment.code} (${comment.level}) ${comment.message}`,
			),
	]);
}
