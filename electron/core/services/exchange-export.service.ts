import type { z } from 'zod';
import type { Core } from '../core';
import type { ExportInput, ExportedPackage } from '../../../shared/contract/exchange.contract';

export async function exportPackage(_core: Core, _input: z.output<typeof ExportInput>): Promise<ExportedPackage> {
  throw new Error('exchange:export is being written');
}
