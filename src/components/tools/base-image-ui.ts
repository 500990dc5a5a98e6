/**
 * The base-image helper's behaviour (markup: BaseImageDecision.astro): the answers pick an image,
 * named for the reader's Python version, and mark its row in the table. Defines
 * `<base-image-decision>` on import, which BaseImageDecision.astro makes when the reader nears the
 * tool (src/components/shared/load-when-near.ts).
 */
import { baseImageName, recommendBaseImage } from '#lib/tools/base-image.ts';
import type { BaseImageId } from '#data/base-images.ts';
import { currentSettings, onSettingsChange } from '#components/settings/current-settings.ts';

class BaseImageDecision extends HTMLElement {
	/**
	 * Ends every listener the tool added, the settings' on `document` too, when it leaves the page:
	 * a tool removed stops following the settings, and one moved is not wired twice.
	 */
	#connection: AbortController | undefined;

	connectedCallback() {
		const form = this.querySelector('form');
		const verdictImage = form?.querySelector('.verdict-image');
		const verdictReason = form?.querySelector('.verdict-reason');
		if (!form || !verdictImage || !verdictReason) return;
		this.#connection = new AbortController();
		const { signal } = this.#connection;
		// The images follow the reader's Python version (the settings dialog's), 3.12 by default.
		let python = currentSettings().python;

		const update = () => {
			const checked = (name: string) =>
				form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.checked ?? false;
			const { id, image, reason } = recommendBaseImage(
				{
					cExtensions: checked('cExtensions'),
					buildToolsAtRuntime: checked('buildToolsAtRuntime'),
					sizeCritical: checked('sizeCritical'),
				},
				python,
			);
			verdictImage.textContent = image;
			verdictReason.textContent = reason;
			for (const row of this.querySelectorAll<HTMLTableRowElement>(
				'#table-images tr[data-row-id]',
			)) {
				row.toggleAttribute('data-highlight', row.dataset['rowId'] === id);
				const cellImage = row.querySelector('td[data-column="image"] code');
				const name = baseImageName(row.dataset['rowId'] as BaseImageId, python);
				if (cellImage && cellImage.textContent !== name) cellImage.textContent = name;
			}
		};

		form.addEventListener('change', update, { signal });
		onSettingsChange((values) => {
			python = values.python;
			update();
		}, signal);
		update();
	}

	disconnectedCallback() {
		this.#connection?.abort();
	}
}

customElements.define('base-image-decision', BaseImageDecision);
