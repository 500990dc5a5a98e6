/**
 * The workers calculator's behaviour (markup: WorkersCalculator.astro): the count, its steps and the
 * command lines for the reader's app, from the form, and the deployment's row marked in the table.
 * Defines `<workers-calculator>` on import, which WorkersCalculator.astro makes when the reader
 * nears the tool (src/components/shared/load-when-near.ts).
 */
import {
	commandGroups,
	computeWorkers,
	workersCommands,
	type MemoryUnit,
	type WorkersInput,
	type WorkersField,
} from '#lib/tools/workers.ts';
import type { DeploymentId } from '#data/workers.ts';
import { copyWithFeedback } from '#components/shared/clipboard.ts';
import { currentSettings, onSettingsChange } from '#components/settings/current-settings.ts';

class WorkersCalculator extends HTMLElement {
	/**
	 * Ends every listener the tool added, the settings' on `document` too, when it leaves the page:
	 * a tool removed stops following the settings, and one moved is not wired twice.
	 */
	#connection: AbortController | undefined;

	connectedCallback() {
		const form = this.querySelector('form');
		const [number, noun, steps, summary, lines] = [
			'.number',
			'.noun',
			'.steps',
			'.summary',
			'.lines',
		].map((selector) => form?.querySelector<HTMLElement>(selector));
		if (!form || !number || !noun || !steps || !summary || !lines) return;
		this.#connection = new AbortController();
		const { signal } = this.#connection;
		// The command line runs the reader's ASGI app (the settings dialog's), app.main:app by default.
		let app = currentSettings().app;

		const update = () => {
			const data = new FormData(form);
			const text = (name: string) => String(data.get(name) ?? '');
			const input: WorkersInput = {
				deployment: text('deployment') as DeploymentId,
				workerType: text('workerType') === 'async' ? 'async' : 'sync',
				cpu: text('cpu'),
				memory: text('memory'),
				memoryUnit: text('memoryUnit') as MemoryUnit,
				rss: text('rss'),
				rssUnit: text('rssUnit') as MemoryUnit,
			};
			const outcome = computeWorkers(input);
			const errors: Partial<Record<WorkersField, string>> = outcome.ok ? {} : outcome.errors;
			for (const field of ['cpu', 'memory', 'rss'] as const) {
				const element = form.querySelector<HTMLInputElement>(`input[name="${field}"]`);
				element?.setAttribute('aria-invalid', String(Boolean(errors[field])));
				const message = form.querySelector(`#workers-${field}-error`);
				if (message) message.textContent = errors[field] ?? '';
			}

			form.querySelector('.result')?.classList.toggle('invalid', !outcome.ok);
			number.textContent = outcome.ok ? String(outcome.result.workers) : '–';
			noun.textContent = outcome.ok && outcome.result.workers === 1 ? 'worker' : 'workers';
			steps.replaceChildren(
				...(outcome.ok ? outcome.result.steps : []).map((step) => {
					const item = document.createElement('li');
					item.append(Object.assign(document.createElement('code'), { textContent: step }));
					return item;
				}),
			);
			summary.textContent = outcome.ok
				? outcome.result.summary
				: 'Fix the field marked above to see the count.';
			// Lines from the last good input would pass a stale count off as current: hide them until the input is fixed.
			lines.hidden = !outcome.ok;
			for (const button of form.querySelectorAll<HTMLButtonElement>('[data-copy-line]'))
				button.disabled = !outcome.ok;
			if (outcome.ok) {
				// One span per flag and its value, spaces between: the text (and the copy) stays the line.
				for (const [name, line] of Object.entries(workersCommands(outcome.result.workers, app))) {
					const groups = commandGroups(line).map((group) =>
						Object.assign(document.createElement('span'), { textContent: group }),
					);
					form
						.querySelector(`[data-line="${name}"]`)
						?.replaceChildren(
							...groups.flatMap((group, index) => (index ? [' ', group] : [group])),
						);
				}
			}
			for (const row of this.querySelectorAll<HTMLTableRowElement>(
				'#table-deployments tr[data-row-id]',
			)) {
				row.toggleAttribute('data-highlight', row.dataset['rowId'] === input.deployment);
			}
		};

		form.addEventListener('input', update, { signal });
		form.addEventListener('change', update, { signal });
		onSettingsChange((values) => {
			app = values.app;
			update();
		}, signal);
		form.addEventListener('submit', (event) => event.preventDefault(), { signal });
		for (const button of form.querySelectorAll<HTMLButtonElement>('[data-copy-line]')) {
			button.addEventListener(
				'click',
				() => {
					const line =
						form.querySelector(`[data-line="${button.dataset['copyLine']}"]`)?.textContent ?? '';
					void copyWithFeedback(line, button, form.querySelector<HTMLElement>('.copy-status'));
				},
				{ signal },
			);
		}
		update();
	}

	disconnectedCallback() {
		this.#connection?.abort();
	}
}

customElements.define('workers-calculator', WorkersCalculator);
