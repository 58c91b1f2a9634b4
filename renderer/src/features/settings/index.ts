// What the shell may use of the settings; the rest of this folder is its own.
export { SettingsScreen } from './SettingsScreen';
export { DamagedBanner } from './DamagedBanner';
