import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOOT_STORAGE_KEY } from './settings-boot.ts';
import { SETTINGS_STORAGE_KEY } from '#lib/settings/persistence.ts';

test('the boot script every page loads looks for the settings under the key the settings store them', () => {
	assert.equal(BOOT_STORAGE_KEY, SETTINGS_STORAGE_KEY);
});
