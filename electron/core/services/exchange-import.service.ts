import type { Core } from '../core';
import type { ImportPreview, PackageSource } from '../../../shared/contract/exchange.contract';

export async function previewPackage(_core: Core, _source: PackageSource): Promise<ImportPreview> {
  throw new Error('exchange:preview is being written');
}

export async function applyPackage(_core: Core, _source: PackageSource, _trust: string[]): Promise<ImportPreview> {
  throw new Error('exchange:import is being written');
}
