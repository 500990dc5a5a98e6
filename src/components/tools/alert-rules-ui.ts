/**
 * The alert rules' behaviour (markup: AlertRules.astro): thresholds read from the form, the PromQL
 * and the rules to copy or download rebuilt from them and the reader's service name. Runs on import,
 * which AlertRules.astro makes when the reader nears the tool (src/components/tools/load-when-near.ts).
 */
import { metricRows } from '#data/metrics.ts';
import { metricQueries, parseThresholds, ruleYaml, rulesFile, type AlertScope, type ThresholdKey, type Thresholds } from '#lib/tools/alert-rules.ts';
import { copyWithFeedback } from '#components/shared/clipboard.ts';
import { currentSettings, onSettingsChange } from '#components/settings/current-settings.ts';

const form = document.querySelector<HTMLFormElement>('form.thresholds');
const status = form?.querySelector<HTMLElement>('.form-status') ?? null;
let current: Thresholds | undefined;
// The service's name from the settings dialog: it names the rules' group, and scopes them when the reader picks a scope.
let service = currentSettings().service;

function scope(): AlertScope | undefined {
	const label = form?.querySelector<HTMLSelectElement>('#alert-scope')?.value;
	return label === 'job' || label === 'service' ? { label, value: service } : undefined;
}

function readForm(): Thresholds | undefined {
	if (!form) return undefined;
	const raw = Object.fromEntries(new FormData(form)) as Record<ThresholdKey, string>;
	const { thresholds, errors } = parseThresholds(raw);
	for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) {
		const message = errors[input.name as ThresholdKey] ?? '';
		input.setAttribute('aria-invalid', String(Boolean(message)));
		const error = document.getElementById(`${input.id}-error`);
		if (error) error.textContent = message;
	}
	return thresholds;
}

function update() {
	current = readForm();
	const disabled = !current;
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-rule], [data-download-rules]')) button.disabled = disabled;
	if (status) status.textContent = disabled ? 'Fix the thresholds marked above to copy or download rules.' : '';
	if (!current) return;
	const queries = metricQueries(current, scope());
	for (const code of document.querySelectorAll<HTMLElement>('[data-expr]')) {
		code.textContent = queries[code.dataset['expr'] as keyof typeof queries].expr;
	}
	for (const code of document.querySelectorAll<HTMLElement>('[data-for]')) code.textContent = current.forDuration;
}

function showService() {
	for (const code of document.querySelectorAll<HTMLElement>('[data-scope-service]')) code.textContent = service;
}

form?.addEventListener('input', update);
onSettingsChange((values) => {
	service = values.service;
	showService();
	update();
});
showService();
update();

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-rule]')) {
	button.addEventListener('click', () => {
		const row = metricRows.find((entry) => entry.id === button.dataset['copyRule']);
		if (!current || !row) return;
		const query = metricQueries(current, scope())[row.id];
		if (query.kind === 'alert') void copyWithFeedback(ruleYaml(query, row.cells.why, current.forDuration, 0, scope()), button, status);
	});
}

document.querySelector('[data-download-rules]')?.addEventListener('click', () => {
	if (!current) return;
	const url = URL.createObjectURL(new Blob([rulesFile(current, metricRows, scope(), service)], { type: 'application/yaml' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: 'prometheus-rules.yml' });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 0);
});
