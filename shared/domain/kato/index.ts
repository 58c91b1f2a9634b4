export { isKatoCode, parentCandidates, resolveParent, type KatoCode } from './kato-code';
export { codesUnder, unitClosure, type ClosurePair } from './closure';
export { deriveKind, explainKind, type KindDerivation, type KindRule, type KindSource } from './derive-kind';
export {
  buildUnits,
  parseKatoCsv,
  KATO_CSV_HEADER,
  KATO_LEVELS,
  type KatoLevel,
  type KatoRow,
  type KatoUnit,
} from './kato-csv';
