/**
 * The alert rules' behaviour (markup: AlertRules.astro): thresholds read from the form, the PromQL
 * and the rules to copy (the metrics table's buttons) or download rebuilt from them and the
 * reader's service name. Defines `<alert-rules>` on import, which AlertRules.astro makes when the
 * reader nears the tool (src/components/shared/load-when-near.ts).
 */
import { metricRows } from '#data/metrics.ts';
import {
	metricQueries,
	parseThresholds,
	ruleYaml,
	rulesFile,
	type AlertScope,
	type ThresholdKey,
	type Thresholds,
} from '#lib/tools/alert-rules.ts';
import { copyWithFeedback } from '#components/shared/clipboard.ts';
import { currentSettings, onSettingsChange } from '#components/settings/current-settings.ts';

class AlertRules extends HTMLElement {
	/**
	 * Ends every listener the tool added, the settings' on `document` too, when it leaves the page:
	 * a tool removed stops following the settings, and one moved is not wired twice.
	 */
	#connection: AbortController | undefined;

	connectedCallback() {
		const form = this.querySelector('form');
		if (!form) return;
		this.#connection = new AbortController();
		const { signal } = this.#connection;
		const status = form.querySelector<HTMLElement>('.form-status');
		let current: Thresholds | undefined;
		// The service's name from the settings dialog: it names the rules' group, and scopes them when the reader picks a scope.
		let service = currentSettings().service;

		const scope = (): AlertScope | undefined => {
			const label = form.querySelector<HTMLSelectElement>('#alert-scope')?.value;
			return label === 'job' || label === 'service' ? { label, value: service } : undefined;
		};

		const readForm = (): Thresholds | undefined => {
			const raw = Object.fromEntries(new FormData(form)) as Record<ThresholdKey, string>;
			const { thresholds, errors } = parseThresholds(raw);
			for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) {
				const message = errors[input.name as ThresholdKey] ?? '';
				input.setAttribute('aria-invalid', String(Boolean(message)));
				const error = form.querySelector(`#${input.id}-error`);
				if (error) error.textContent = message;
			}
			return thresholds;
		};

		const update = () => {
			current = readForm();
			const disabled = !current;
			for (const button of this.querySelectorAll<HTMLButtonElement>(
				'[data-copy-rule], [data-download-rules]',
			))
				button.disabled = disabled;
			if (status)
				status.textContent = disabled
					? 'Fix the thresholds marked above to copy or download rules.'
					: '';
			if (!current) return;
			const queries = metricQueries(current, scope());
			for (const code of this.querySelectorAll<HTMLElement>('[data-expr]')) {
				code.textContent = queries[code.dataset['expr'] as keyof typeof queries].expr;
			}
			for (const code of this.querySelectorAll<HTMLElement>('[data-for]'))
				code.textContent = current.forDuration;
		};

		const showService = () => {
			for (const code of this.querySelectorAll<HTMLElement>('[data-scope-service]'))
				code.textContent = service;
		};

		form.addEventListener('input', update, { signal });
		onSettingsChange((values) => {
			service = values.service;
			showService();
			update();
		}, signal);
		showService();
		update();

		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-copy-rule]')) {
			button.addEventListener(
				'click',
				() => {
					const row = metricRows.find((entry) => entry.id === button.dataset['copyRule']);
					if (!current || !row) return;
					const query = metricQueries(current, scope())[row.id];
					if (query.kind === 'alert')
						void copyWithFeedback(
							ruleYaml(query, row.cells.why, current.forDuration, 0, scope()),
							button,
							status,
						);
				},
				{ signal },
			);
		}

		this.querySelector('[data-download-rules]')?.addEventListener(
			'click',
			() => {
				if (!current) return;
				const url = URL.createObjectURL(
					new Blob([rulesFile(current, metricRows, scope(), service)], {
						type: 'application/yaml',
					}),
				);
				const link = Object.assign(document.createElement('a'), {
					href: url,
					download: 'prometheus-rules.yml',
				});
				link.click();
				setTimeout(() => URL.revokeObjectURL(url), 0);
			},
			{ signal },
		);
	}

	disconnectedCallback() {
		this.#connection?.abort();
	}
}

customElements.define('alert-rules', AlertRules);
