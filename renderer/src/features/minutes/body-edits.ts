import type { AgendaItem, Decision, MinutesBody, Speech } from '../../../../shared/domain/minutes/minutes';

/** Pure edits of the minutes body: the editor builds every change from these. */

export const newSpeech = (): Speech => ({ id: crypto.randomUUID(), speaker: '', localityKato: null, gist: '', issueKind: null, issueText: '' });

export const newDecision = (): Decision => ({ id: crypto.randomUUID(), text: '', responsible: '', deadline: null });

export const newItem = (): AgendaItem => ({ id: crypto.randomUUID(), title: '', speaker: '', heard: '', speeches: [], decisions: [] });

export function setItem(body: MinutesBody, i: number, patch: Partial<AgendaItem>): MinutesBody {
  return { ...body, items: body.items.map((item, n) => (n === i ? { ...item, ...patch } : item)) };
}

export function setSpeech(body: MinutesBody, i: number, j: number, patch: Partial<Speech>): MinutesBody {
  const item = body.items[i];
  if (!item) return body;
  return setItem(body, i, { speeches: item.speeches.map((s, n) => (n === j ? { ...s, ...patch } : s)) });
}

export function setDecision(body: MinutesBody, i: number, j: number, patch: Partial<Decision>): MinutesBody {
  const item = body.items[i];
  if (!item) return body;
  return setItem(body, i, { decisions: item.decisions.map((d, n) => (n === j ? { ...d, ...patch } : d)) });
}

/** Inserts a speech after `after` (or at the end); returns the body and the new row's index. */
export function insertSpeech(body: MinutesBody, i: number, after?: number): [MinutesBody, number] {
  const item = body.items[i];
  if (!item) return [body, -1];
  const at = after === undefined ? item.speeches.length : after + 1;
  const speeches = [...item.speeches.slice(0, at), newSpeech(), ...item.speeches.slice(at)];
  return [setItem(body, i, { speeches }), at];
}

export function insertDecision(body: MinutesBody, i: number, after?: number): [MinutesBody, number] {
  const item = body.items[i];
  if (!item) return [body, -1];
  const at = after === undefined ? item.decisions.length : after + 1;
  const decisions = [...item.decisions.slice(0, at), newDecision(), ...item.decisions.slice(at)];
  return [setItem(body, i, { decisions }), at];
}

export function removeSpeech(body: MinutesBody, i: number, j: number): MinutesBody {
  const item = body.items[i];
  return item ? setItem(body, i, { speeches: item.speeches.filter((_, n) => n !== j) }) : body;
}

export function removeDecision(body: MinutesBody, i: number, j: number): MinutesBody {
  const item = body.items[i];
  return item ? setItem(body, i, { decisions: item.decisions.filter((_, n) => n !== j) }) : body;
}

export function addItem(body: MinutesBody): [MinutesBody, number] {
  return [{ ...body, items: [...body.items, newItem()] }, body.items.length];
}

export function removeItem(body: MinutesBody, i: number): MinutesBody {
  return { ...body, items: body.items.filter((_, n) => n !== i) };
}
