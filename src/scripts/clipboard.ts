/** Copies text and says so on the button for a moment; screen readers hear it through `live`. */
export async function copyWithFeedback(text: string, button: HTMLElement, live: HTMLElement | null): Promise<void> {
	await navigator.clipboard.writeText(text);
	const label = button.dataset['label'] ?? button.textContent ?? '';
	button.dataset['label'] = label;
	button.textContent = 'Copied!';
	if (live) live.textContent = 'Copied to the clipboard.';
	setTimeout(() => {
		button.textContent = label;
		if (live) live.textContent = '';
	}, 1500);
}
