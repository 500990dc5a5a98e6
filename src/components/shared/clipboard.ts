/**
 * Copies text and says so on the button for a moment; screen readers hear it through `live`.
 * Where the browser has no clipboard for the page (plain http, a refused permission) the button
 * says so instead of failing silently.
 */
export async function copyWithFeedback(
	text: string,
	button: HTMLElement,
	live: HTMLElement | null,
): Promise<void> {
	let copied = false;
	try {
		await navigator.clipboard.writeText(text);
		copied = true;
	} catch {
		// Reported on the button below; nothing else to do.
	}
	const label = button.dataset['label'] ?? button.textContent ?? '';
	button.dataset['label'] = label;
	button.textContent = copied ? 'Copied!' : 'Copy failed';
	if (live)
		live.textContent = copied
			? 'Copied to the clipboard.'
			: 'The browser refused the clipboard: select the text and copy it by hand.';
	setTimeout(
		() => {
			button.textContent = label;
			if (live) live.textContent = '';
		},
		copied ? 1500 : 4000,
	);
}
