/**
 * The worker's share of a concurrency burst's slots: {@link io.aiperf.worker.slots.SlotGate} holds the first turns
 * the controller sent ahead and starts one whenever a session on this worker ends.
 *
 * <p><b>Threads.</b> The bus thread offers turns (and closes a gate when its phase is abandoned); the HTTP event
 * loops release slots from their request-done callback and, in the same call, start the next waiting turn. Nothing
 * blocks or locks: a CAS on the free-slot count and a lock-free FIFO queue.
 *
 * <p><b>Allocation.</b> One {@code Waiting} and one queue node per turn that goes through the gate; a granted turn's
 * credit is copied once to carry its grant time as its intended time.
 */
package io.aiperf.worker.slots;
