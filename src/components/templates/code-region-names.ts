/**
 * Expressive Code makes a code block that scrolls sideways a focusable region, so keyboard
 * users can scroll it; regions need distinct names, so each gets its template's name.
 */
export function nameCodeRegions() {
	for (const template of document.querySelectorAll<HTMLElement>('.template[data-code-name]')) {
		const pre = template.querySelector('pre');
		if (!pre) continue;
		const name = () => {
			if (pre.getAttribute('role') === 'region')
				pre.setAttribute('aria-label', template.dataset['codeName'] ?? '');
			else pre.removeAttribute('aria-label');
		};
		new MutationObserver(name).observe(pre, { attributes: true, attributeFilter: ['role'] });
		name();
	}
}
