import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy, arrayMove } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { Member } from '@shared/domain';
import type { AgendaItem } from '@shared/planning';
import { useMutation } from '@renderer/api/hooks';
import { ErrorAlert } from '@renderer/ui/ErrorAlert';
import { AgendaItemRow } from './AgendaItemRow';

/**
 * The agenda in order. Drag with the mouse, or with the keyboard: focus a handle, Space to
 * pick up, arrows to move, Space to drop. The order shows at once and is saved in one step.
 */
export function AgendaList({
  items,
  members,
  revision,
  readOnly,
}: {
  items: AgendaItem[];
  members: Member[];
  revision: number;
  readOnly: boolean;
}) {
  const move = useMutation('agenda.moveItem');
  // A dropped order shows at once; it gives way to the saved agenda as soon as that arrives.
  const [optimistic, setOptimistic] = useState<{ base: AgendaItem[]; order: AgendaItem[] } | null>(null);
  const order = optimistic?.base === items ? optimistic.order : items;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  async function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = order.findIndex((i) => i.id === active.id);
    const to = order.findIndex((i) => i.id === over.id);
    setOptimistic({ base: items, order: arrayMove(order, from, to) });
    const saved = await move.run({ itemId: String(active.id), expectedRevision: revision, toIndex: to });
    if (!saved) setOptimistic(null);
  }

  if (items.length === 0) {
    return <p className="muted-note agenda-empty">No items yet. Start from a template or add the first item below.</p>;
  }

  const names = new Map(order.map((i) => [i.id, i.title]));
  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        // Positions are known before the first arrow key, even on a busy machine.
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragEnd={(e) => void onDragEnd(e)}
        accessibility={{
          screenReaderInstructions: {
            draggable: 'Press Space to pick up the item, the arrow keys to move it, Space to drop it, Escape to cancel.',
          },
          announcements: {
            onDragStart: ({ active }) => `Picked up ${names.get(String(active.id))}.`,
            onDragOver: ({ over }) => (over ? `Over position ${order.findIndex((i) => i.id === over.id) + 1}.` : ''),
            onDragEnd: ({ over }) => (over ? `Dropped at position ${order.findIndex((i) => i.id === over.id) + 1}.` : 'Dropped.'),
            onDragCancel: () => 'Move cancelled.',
          },
        }}
      >
        <SortableContext items={order.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="agenda-list" aria-label="Agenda">
            {order.map((item, index) => (
              <AgendaItemRow key={item.id} item={item} index={index} members={members} revision={revision} readOnly={readOnly} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <ErrorAlert error={move.error} />
    </>
  );
}
