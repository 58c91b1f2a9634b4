import { create } from 'zustand';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ObligationRef } from '../../../shared/contract/types';
import { onReset } from './reset';

/** What the planning form starts from when opened from a day, a cell, the dashboard or a reminder. */
export interface PlanPrefill {
  unitKato?: string;
  date?: IsoDate;
  obligation?: ObligationRef;
}

/** The one side panel beside the screen: record a held meeting, plan one, edit one, or a meeting's card. */
export type Panel =
  | { kind: 'record'; unitKato: string | null }
  | { kind: 'plan'; prefill: PlanPrefill }
  | { kind: 'edit'; meetingId: string }
  /** `saved` says what was just saved, for the card's confirmation. */
  | { kind: 'card'; meetingId: string; saved?: 'planned' | 'updated' }
  /** The minutes (хаттама) of a held or closed meeting. */
  | { kind: 'minutes'; meetingId: string }
  /** A citizens' issue's card, beside the log. */
  | { kind: 'issue'; issueId: string }
  /** The export of the report on the Reports screen; `noteYear` preselects the point 3 note on that year. */
  | { kind: 'reportExport'; noteYear: number | null };

interface PanelData {
  panel: Panel | null;
  /** Changes with every open, so a panel of the same kind starts afresh. */
  serial: number;
}

interface PanelActions {
  /** Opens a panel; focus goes back to whatever had it when the panel closes. */
  open(panel: Panel): void;
  /** Replaces the panel's content without forgetting where focus came from (card → edit → card). */
  replace(panel: Panel): void;
  close(): void;
}

export type PanelState = PanelData & PanelActions;

const initial: PanelData = { panel: null, serial: 0 };

// An element, not state: nothing renders from it.
let opener: HTMLElement | null = null;

export const usePanelStore = create<PanelState>()((set, get) => ({
  ...initial,
  open(panel) {
    const active = document.activeElement;
    // Opening from inside the panel (a card's "Edit") keeps the first opener.
    const inPanel = active instanceof HTMLElement && active.closest('[data-side-panel]') !== null;
    if (!inPanel || get().panel === null) opener = active instanceof HTMLElement ? active : null;
    set((s) => ({ panel, serial: s.serial + 1 }));
  },
  replace(panel) {
    set((s) => ({ panel, serial: s.serial + 1 }));
  },
  close() {
    set({ panel: null });
    const target = opener;
    opener = null;
    if (target?.isConnected) target.focus();
  },
}));

onReset(() => {
  opener = null;
  usePanelStore.setState(initial);
});
