import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { kindLabel, type AgendaItem } from '@shared/planning';
import type { Rebalance } from '@shared/rebalance';
import { formatCountdown } from '@shared/timer';
import { useMutation } from '@renderer/api/hooks';
import { useMeeting } from '@renderer/api/use-meeting';
import { useFormat } from '@renderer/app/settings-context';
import { ProjectAgreementButton } from '../agreements/ProjectorAgreement';
import { AddItemForm } from '../meetings/AddItemForm';
import { AttendancePanel } from '../meetings/AttendancePanel';
import { playChime } from './chime';
import { href } from '@renderer/app/router';
import { ConfirmDialog } from '@renderer/ui/ConfirmDialog';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { AgendaProgress } from './AgendaProgress';
import { Countdown } from './Countdown';
import { ItemPanels } from './ItemPanels';
import { itemTimers, liveView } from './live-model';
import { NotesEditor } from './NotesEditor';
import { RebalanceBanner } from './RebalanceBanner';
import { RoundPanel } from './RoundPanel';
import { useServerNow } from './server-clock';
import { usePanelsBehind, useSchedule, useSteadyDetail } from './steady-detail';
import { ShortcutsHelp } from './ShortcutsHelp';
import { onePress, useConsoleActions } from './console-actions';
import { activeGroups, consoleCommand, isTyping, ITEM_KEYS, keyOf, runsOnRepeat } from './console-keys';
import { KeyBar } from './KeyBar';
import { PanelKeysProvider, type PanelClaim, type PanelKeysHost } from './panel-keys';
import { SpeakingTime } from './SpeakingTime';
import { MeetingClockLine } from './MeetingClockLine';

/** Why an item's time differs from its plan, in the clock's one unit. */
function allowanceNote(item: Pick<AgendaItem, 'plannedMin' | 'extraMs'>): string {
  if (item.extraMs > 0) return ` · ${formatCountdown(item.plannedMin * 60_000)} planned + ${formatCountdown(item.extraMs)} added`;
  if (item.extraMs < 0)
    return ` · ${formatCountdown(item.plannedMin * 60_000)} planned, ${formatCountdown(-item.extraMs)} given to catch up`;
  return '';
}

/** Where focus goes back to when the keys dialog, opened with nothing focused, closes. */
const currentCard = () => document.querySelector<HTMLElement>('.console .current-item');

/** The facilitator's console: everything happens here, from the keyboard or the mouse. */
export function ConsolePage({ meetingId }: { meetingId: string }) {
  const query = useMeeting(meetingId);
  const detail = query.data;
  const now = useServerNow(detail?.serverNow);
  const [help, setHelp] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const schedule = useSchedule(meetingId);
  const steady = useSteadyDetail(detail, schedule);
  const view = useMemo(() => (detail ? liveView(detail) : null), [detail]);
  const status = detail?.meeting.status;
  // The current item without its notes, and the clock: both keep their identity across a turn or a note, so the
  // countdowns and the item's panels go on undisturbed.
  const current = schedule?.find((i) => i.id === detail?.currentItemId) ?? null;
  const clock = detail?.clock;
  const panels = usePanelsBehind(current, steady);
  // The check-out rates the round's speaker; by ids, so the panels render again only when the speaker changes.
  const speakerTurnId = panels.item?.kind === 'check_out' ? (view?.speaking?.id ?? null) : null;
  const speakerAttendeeId = view?.speaking?.attendeeId ?? null;
  const checkoutSpeaker = useMemo(
    () => (speakerTurnId && speakerAttendeeId ? { turnId: speakerTurnId, attendeeId: speakerAttendeeId } : null),
    [speakerTurnId, speakerAttendeeId],
  );
  // Another item (N, ←, undo, the other window) brings its card into view: read down to a decision record, the
  // facilitator would otherwise press N and see the next item's lower half, its title and countdown out of sight.
  const currentId = current?.id ?? null;
  const shownId = useRef(currentId);
  useEffect(() => {
    if (shownId.current === currentId) return;
    shownId.current = currentId;
    // Looked at in the next frame, once the new item is painted: measuring it here would force a layout of the
    // console before the item could show (a third of the time from the change's arrival to the screen showing it).
    const frame = requestAnimationFrame(() => {
      const card = document.querySelector('.current-item');
      if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [currentId]);
  const timers = useMemo(() => itemTimers(current, clock, now), [current, clock, now]);
  const typingCarry = useRef(false);
  const { settings } = useFormat();
  const updateSettings = useMutation('settings.update');
  const chime = settings.chime;
  const onPhase = useCallback(
    (phase: string) => {
      if (phase === 'overtime' && chime) playChime();
    },
    [chime],
  );

  const { act, flash, error } = useConsoleActions(meetingId, {
    shown: detail,
    paused: view?.paused ?? false,
    currentItemId: view?.current?.id ?? null,
    speakingTurnId: view?.speaking?.id ?? null,
    undoActionId: detail?.undoActionId ?? null,
  });
  const onRebalance = useCallback((r: Rebalance) => void act.rebalance(r), [act]);
  const onTurn = useCallback((a: 'next' | 'pass' | 'skip' | 'later') => void act.turn(a), [act]);

  // The panel on screen (go-round, check-out, review walk) that takes keys of its own.
  const [panel, setPanel] = useState<PanelClaim | null>(null);
  const panelHost = useMemo<PanelKeysHost>(() => ({ claim: setPanel, release: (c) => setPanel((p) => (p === c ? null : p)) }), []);
  const round = !!view?.current && !!view.speaking;
  const groups = useMemo(() => activeGroups(round, panel?.mode ?? null), [round, panel]);

  useEffect(() => {
    if (status !== 'live') return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const command = consoleCommand(e, groups);
      if (command && e.repeat && !runsOnRepeat(command)) {
        e.preventDefault();
        return;
      }
      if (command?.type === 'help') {
        e.preventDefault();
        setHelp((h) => !h);
        return;
      }
      if (!command || e.defaultPrevented || help || confirmEnd) return;
      e.preventDefault();
      if (command.type === 'panel') panel?.handle(command.choice);
      else void act.perform(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, status, help, confirmEnd, groups, panel]);

  if (!detail || !schedule || !steady || !view || !clock) return <div className="page" aria-busy="true" />;
  const { meeting } = detail;

  if (meeting.status === 'planned') {
    return (
      <div className="page">
        <div className="card empty">
          <h1>{meeting.title}</h1>
          <p className="lede">The meeting has not started. Mark attendance in the planner, open the projector view, then start.</p>
          <div className="welcome-actions">
            <button className="btn btn-primary btn-lg" onClick={() => void act.start()}>
              Start meeting
            </button>
            <a className="btn btn-lg" href={href({ name: 'meeting', meetingId })}>
              Back to the planner
            </a>
            <ProjectAgreementButton meetingId={meetingId} />
          </div>
          <ErrorAlert error={error} />
        </div>
      </div>
    );
  }
  if (meeting.status === 'ended') {
    return (
      <div className="page">
        <div className="card empty">
          <h1>The meeting has ended</h1>
          <a className="btn btn-primary" href={href({ name: 'meeting', meetingId })}>
            Open the record
          </a>
        </div>
      </div>
    );
  }

  return (
    <PanelKeysProvider host={panelHost}>
      <div className={`console${view.paused ? ' is-paused' : ''}`}>
        <header className="console-head">
          <div className="console-head-title">
            <p className="eyebrow">
              <a href={href({ name: 'meeting', meetingId })}>{meeting.teamName}</a> · live
            </p>
            <h1 title={meeting.title}>{meeting.title}</h1>
          </div>
          <MeetingClockLine items={schedule} clock={clock} plannedLengthMin={meeting.plannedLengthMin} now={now} />
          <div className="console-tools">
            <button className="btn" onClick={() => void act.openProjector()}>
              Projector view
            </button>
            <ProjectAgreementButton meetingId={meetingId} />
            <button className="btn" aria-pressed={chime} onClick={() => void updateSettings.run({ chime: !chime })}>
              Chime: {chime ? 'on' : 'off'}
            </button>
            <button
              className="btn"
              onClick={onePress(act.undo)}
              disabled={!detail.undoLabel}
              title={detail.undoLabel ? `Undo ${detail.undoLabel}` : 'Nothing to undo'}
            >
              Undo <kbd>Ctrl Z</kbd>
            </button>
            <button className="btn" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
              <kbd>?</kbd>
            </button>
            <button className="btn btn-danger" onClick={() => setConfirmEnd(true)}>
              End meeting
            </button>
          </div>
        </header>
        <div className="console-status" aria-live="polite">
          {flash && <span className="status-saved">{flash}</span>}
        </div>
        <ErrorAlert error={error} />
        <RebalanceBanner items={schedule} clock={clock} plannedLengthMin={meeting.plannedLengthMin} now={now} onApply={onRebalance} />
        <div className="console-body">
          <div className="console-main">
            {current ? (
              <section className="card current-item" aria-labelledby="current-title" tabIndex={-1}>
                <div className="current-top">
                  <div>
                    <span className="eyebrow-small">
                      Now · {kindLabel(current.kind)} · item {detail.items.findIndex((i) => i.id === current.id) + 1} of{' '}
                      {detail.items.length}
                    </span>
                    <h2 id="current-title">{current.title}</h2>
                    <p className="current-plan">
                      <Countdown remaining={timers.elapsed} className="item-elapsed" label="Time spent on this item" plain /> of{' '}
                      {formatCountdown(current.plannedMin * 60_000 + current.extraMs)}
                      {allowanceNote(current)}
                    </p>
                  </div>
                  <Countdown remaining={timers.remaining} className="item-countdown" label="Time left for this item" onPhase={onPhase} />
                </div>
                {view.paused && (
                  <p className="alert alert-warn">Paused. The clock stands still until you resume ({keyOf(ITEM_KEYS, 'pause')}).</p>
                )}
                <div className="current-actions">
                  <button className="btn" onClick={onePress(act.previous)}>
                    Previous <kbd>{keyOf(ITEM_KEYS, 'previous item')}</kbd>
                  </button>
                  <button className="btn btn-primary btn-lg" onClick={onePress(act.next)}>
                    Next item <kbd>{keyOf(ITEM_KEYS, 'next item')}</kbd>
                  </button>
                  <button className="btn" onClick={onePress(act.pauseOrResume)}>
                    {view.paused ? 'Resume' : 'Pause'} <kbd>{keyOf(ITEM_KEYS, 'pause')}</kbd>
                  </button>
                  <button className="btn" onClick={() => void act.extend(1)}>
                    +1 min <kbd>{keyOf(ITEM_KEYS, '+1 min')}</kbd>
                  </button>
                  <button className="btn" onClick={() => void act.extend(5)}>
                    +5 min <kbd>{keyOf(ITEM_KEYS, '+5 min')}</kbd>
                  </button>
                  <button className="btn" onClick={onePress(act.park)}>
                    Park <kbd>{keyOf(ITEM_KEYS, 'park')}</kbd>
                  </button>
                </div>
                {view.next && <p className="up-next">Up next: {view.next.title}</p>}
              </section>
            ) : (
              <section className="card current-item" tabIndex={-1}>
                <h2>All items are done</h2>
                <p className="muted-note">End the meeting when the room is ready; anything not reached carries over to the next one.</p>
              </section>
            )}
            {current && view.turns.length > 0 && (
              <RoundPanel
                meetingId={meetingId}
                turns={view.turns}
                clock={clock}
                now={now}
                onTurn={onTurn}
                disabled={view.paused}
                counted={current.kind !== 'check_out'}
              />
            )}
            {panels.item && panels.detail && (
              <div className="item-panels" hidden={panels.stale}>
                <ItemPanels detail={panels.detail} current={panels.item} paused={view.paused} checkoutSpeaker={checkoutSpeaker} />
              </div>
            )}
            {current && (
              <NotesEditor
                meetingId={meetingId}
                itemId={current.id}
                stored={view.current?.notes ?? ''}
                plan={current.plan}
                label={`Notes on “${current.title}”`}
                typingCarry={typingCarry}
              />
            )}
          </div>
          <aside className="console-side">
            <AgendaProgress items={schedule} clock={clock} currentItemId={detail.currentItemId} now={now} />
            <AttendancePanel meetingId={meetingId} attendees={detail.attendees} readOnly={false} />
            <SpeakingTime entries={detail.speakingTime} />
            <details className="card console-add">
              <summary>Add an item to the agenda</summary>
              <AddItemForm meetingId={meetingId} revision={meeting.agendaRevision} members={detail.members} />
            </details>
            <a className="btn btn-ghost" href={href({ name: 'meeting', meetingId })}>
              Reorder or edit what is left
            </a>
          </aside>
        </div>
        <KeyBar groups={groups} />
        {help && <ShortcutsHelp onClose={() => setHelp(false)} home={currentCard} />}
        <ConfirmDialog
          open={confirmEnd}
          title="End the meeting?"
          confirmLabel="End meeting"
          danger
          onCancel={() => setConfirmEnd(false)}
          onConfirm={() => {
            setConfirmEnd(false);
            void act.end();
          }}
        >
          Items not reached carry over to the next meeting of the series. The record becomes read-only.
        </ConfirmDialog>
      </div>
    </PanelKeysProvider>
  );
}
