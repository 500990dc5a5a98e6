/**
 * The base-image helper's behaviour (markup: BaseImageDecision.astro): the answers pick an image,
 * named for the reader's Python version, and mark its row in the table. Runs on import, which
 * BaseImageDecision.astro makes when the reader nears the tool (src/components/tools/load-when-near.ts).
 */
import { baseImageName, recommendBaseImage } from '#lib/tools/base-image.ts';
import type { BaseImageId } from '#data/base-images.ts';
import { currentSettings, onSettingsChange } from '#components/settings/current-settings.ts';

const form = document.querySelector<HTMLFormElement>('form.decision');
// The images follow the reader's Python version (the settings dialog's), 3.12 by default.
let python = currentSettings().python;

function update() {
	if (!form) return;
	const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.checked ?? false;
	const { id, image, reason } = recommendBaseImage({
		cExtensions: checked('cExtensions'),
		buildToolsAtRuntime: checked('buildToolsAtRuntime'),
		sizeCritical: checked('sizeCritical'),
	}, python);
	form.querySelector('.verdict-image')!.textContent = image;
	form.querySelector('.verdict-reason')!.textContent = reason;
	for (const row of document.querySelectorAll<HTMLTableRowElement>('#table-images tr[data-row-id]')) {
		row.toggleAttribute('data-highlight', row.dataset['rowId'] === id);
		const image = row.querySelector('td[data-column="image"] code');
		const name = baseImageName(row.dataset['rowId'] as BaseImageId, python);
		if (image && image.textContent !== name) image.textContent = name;
	}
}

form?.addEventListener('change', update);
onSettingsChange((values) => {
	python = values.python;
	update();
});
update();
