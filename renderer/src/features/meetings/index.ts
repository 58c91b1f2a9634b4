// What other features and the shell may use of the meetings; the rest of this folder is its own.
export { MeetingsScreen } from './MeetingsScreen';
export { MeetingCard } from './card/MeetingCard';
export { MeetingForm } from './form/MeetingForm';
