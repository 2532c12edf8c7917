// Server-rendered controls exist before React has attached its handlers; typing into them or
// pressing keys too early would be lost (or, for a form, submitted natively). React marks every
// element it has hydrated with a `__reactProps$…` key, which is the earliest reliable signal.
import { expect, type Locator } from '@playwright/test';

export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps$'))), {
      message: 'the control is hydrated by React',
    })
    .toBe(true);
}
