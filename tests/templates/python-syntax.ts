/**
 * Python syntax, checked by the machine's Debian 12 Python (`/usr/bin/python3`) in one process for
 * every text at once: starting Python is the slow part. Parsing needs nothing newer, and
 * `feature_version` holds each text to the oldest Python its settings allow; the behaviour runs use
 * Debian unstable's Python (smoke/smoke-workspace.ts).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const debianPython = '/usr/bin/python3';

export interface PythonSource {
	/** Shown in error messages: `health.py (defaults)`. */
	label: string;
	text: string;
	/** The Python minor version the text must parse as (`3.9`), checked with `ast.parse(feature_version=…)`, which is best effort. */
	pythonVersion?: string;
}

const parseAll = `
import ast, json, sys
errors = []
for source in json.load(sys.stdin):
    version = tuple(int(part) for part in source.get("pythonVersion", "3.999").split("."))
    try:
        ast.parse(source["text"], filename=source["label"], feature_version=min(version, sys.version_info[:2]))
        errors.append(None)
    except SyntaxError as error:
        errors.append(f"{error.filename}:{error.lineno}:{error.offset}: {error.msg}")
print(json.dumps({"python": sys.version.split()[0], "errors": errors}))
`;

/** For each source, its syntax error (`label:line:column: message`) or undefined; and the Python that parsed them. */
export async function pythonSyntaxErrors(
	sources: readonly PythonSource[],
): Promise<{ python: string; errors: Array<string | undefined> }> {
	const run = promisify(execFile)(debianPython, ['-c', parseAll], { encoding: 'utf8' });
	run.child.stdin?.end(JSON.stringify(sources));
	const { stdout } = await run;
	const result = JSON.parse(stdout) as { python: string; errors: Array<string | null> };
	return { python: result.python, errors: result.errors.map((error) => error ?? undefined) };
}
