import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEAR_SETTINGS_EVENT } from './load-when-near.ts';
import { SETTINGS_EVENT } from '#components/settings/current-settings.ts';

test('the tools start on the event the settings announce their values with', () => {
	assert.equal(NEAR_SETTINGS_EVENT, SETTINGS_EVENT);
});
