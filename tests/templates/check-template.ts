/**
 * The language dispatch: each template text goes to its kind's checker. Python and shell texts
 * are checked in one batch each (one Python process, one ShellCheck run); the rest in-process.
 */
import type { SettingValues } from '#lib/settings/rules.ts';
import { dockerfileProblems, unpinnedImages } from './dockerfile-check.ts';
import { dockerignoreProblems } from './dockerignore-check.ts';
import { pythonSyntaxErrors } from './python-syntax.ts';
import { shellDialect, type ServedTemplate } from './served-templates.ts';
import { shellProblems } from './shell-check.ts';
import { yamlProblems } from './yaml-check.ts';

export interface TemplateCase {
	template: ServedTemplate;
	/** Where the file lives, for messages: `src/snippets/health.py`. */
	label: string;
	values: Readonly<SettingValues>;
	/** Which settings: `defaults`, `non-default settings`. */
	settings: string;
	/** The template filled with `values`. */
	text: string;
}

/** Routes a health router declares: `@router.get("/healthz")`. */
export function healthRoutes(text: string): string[] {
	return [...text.matchAll(/@router\.get\("([^"]+)"/g)].flatMap((match) => match[1] ?? []);
}

/** A probes template against the rest: every probe path a route of every health.py served, every port the reader's port. */
function probeProblems(
	text: string,
	values: Readonly<SettingValues>,
	healthTexts: readonly string[],
): string[] {
	const { problems, probes } = yamlProblems(text);
	for (const probe of probes) {
		for (const health of healthTexts) {
			if (probe.path !== undefined && !healthRoutes(health).includes(probe.path))
				problems.push(
					`${probe.where} path ${probe.path} is not a route of health.py (${healthRoutes(health).join(', ')})`,
				);
		}
		if (probe.port !== undefined && String(probe.port) !== values.port)
			problems.push(`${probe.where} port ${probe.port} is not the service's port ${values.port}`);
	}
	return problems;
}

/**
 * Each case's problems, in order. `healthTexts`: the health.py texts the probes must agree with.
 * A template no checker knows is a problem too.
 */
export async function checkTemplates(
	cases: readonly TemplateCase[],
	healthTexts: readonly string[],
): Promise<{ problems: string[][]; python: string }> {
	const ofKind = (kind: ServedTemplate['kind']) =>
		cases.filter((item) => item.template.kind === kind);
	const python = ofKind('python');
	const shell = ofKind('shell');
	const [pythonResult, shellResult] = await Promise.all([
		pythonSyntaxErrors(
			python.map((item) => ({
				label: item.label,
				text: item.text,
				pythonVersion: item.values.python,
			})),
		),
		shellProblems(
			shell.map((item) => ({
				label: item.label,
				text: item.text,
				dialect: shellDialect(item.template),
			})),
		),
	]);
	const problems = cases.map((item) => {
		switch (item.template.kind) {
			case 'python':
				return [pythonResult.errors[python.indexOf(item)] ?? []].flat();
			case 'shell':
				return shellResult[shell.indexOf(item)] ?? [];
			case 'dockerfile':
				return [...dockerfileProblems(item.text), ...unpinnedImages(item.text)];
			case 'yaml':
				return probeProblems(item.text, item.values, healthTexts);
			case 'dockerignore':
				return dockerignoreProblems(item.text);
			default:
				return [
					`no checker for ${item.label} (lang ${item.template.lang ?? 'none'}): add its kind to templateKind in tests/templates/served-templates.ts`,
				];
		}
	});
	return { problems, python: pythonResult.python };
}
