/**
 * Every served template (tests/templates/served-templates.ts), at the defaults and filled with
 * non-default settings, through its kind's checker.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTemplates, type TemplateCase } from './check-template.ts';
import { filledText, isFilled, settingsSets } from './filled.ts';
import { knownSheetFindings } from './known-findings.ts';
import { servedTemplates } from './served-templates.ts';
import { shellcheckVersion } from './shell-check.ts';

const started = performance.now();
/** A template without setting places reads the same with any settings: checked once. */
const cases: TemplateCase[] = servedTemplates().flatMap((template) =>
	settingsSets
		.filter((_, index) => index === 0 || isFilled(template))
		.map((set) => ({
			template,
			label: `src/snippets/${template.path}`,
			values: set.values,
			settings: set.label,
			text: filledText(template, set.values),
		})),
);
const healthTexts = cases
	.filter((item) => item.template.name === 'health.py' && item.values === settingsSets[0]?.values)
	.map((item) => item.text);
const [{ problems, python }, shellcheck] = await Promise.all([
	checkTemplates(cases, healthTexts),
	shellcheckVersion(),
]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

describe(`every served template (Python ${python} ast, ShellCheck ${shellcheck}, dockerfile-ast, yaml; ${cases.length} texts checked in ${seconds} s)`, () => {
	cases.forEach((item, index) => {
		it(`${item.label} (${item.template.kind ?? 'unknown kind'}, ${item.settings}${isFilled(item.template) ? '' : ', no setting places'})`, (t) => {
			const known = item.template.fromSheet
				? knownSheetFindings.filter((finding) => finding.path === item.template.path)
				: [];
			for (const finding of known)
				t.diagnostic(`KNOWN, the sheet's own text: ${finding.problem} (${finding.why})`);
			assert.deepEqual(
				problems[index],
				known.map((finding) => finding.problem),
			);
		});
	});

	it('lists known findings only for the sheet’s own text', () => {
		const sheetPaths = cases
			.filter((item) => item.template.fromSheet)
			.map((item) => item.template.path);
		for (const finding of knownSheetFindings)
			assert.ok(
				sheetPaths.includes(finding.path),
				`${finding.path} is not the sheet's text: fix the finding instead`,
			);
	});
});
