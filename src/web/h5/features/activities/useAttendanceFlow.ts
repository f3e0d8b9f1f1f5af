// Check-in/out as the volunteer experiences it: find out whether the activity is geofenced, ask for the
// position only then, and send the QR payload or the 6-digit code.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getPosition, type Position } from './location';
import { activityQuery, useAttendance } from './queries';
import { activityIdOfQr, type AttendanceInput } from './types';

export type AttendanceAction = 'in' | 'out';
type Proof = { qr: string } | { activityId: string; code: string };

export function useAttendanceFlow() {
  const qc = useQueryClient();
  const attendance = useAttendance();
  const [locating, setLocating] = useState(false);
  const [locationDenied, setLocationDenied] = useState(false);
  const [action, setAction] = useState<AttendanceAction>('in');

  const submit = async (nextAction: AttendanceAction, proof: Proof) => {
    attendance.reset();
    setLocationDenied(false);
    setAction(nextAction);
    const activityId = 'qr' in proof ? activityIdOfQr(proof.qr) : proof.activityId;
    let position: Position | undefined;
    if (activityId) {
      const activity = await qc.fetchQuery(activityQuery(activityId)).catch(() => null);
      if (activity?.geofenceMeters) {
        setLocating(true);
        try {
          position = await getPosition();
        } catch {
          // The server refuses a geofenced check-in without a position; say why instead of sending it.
          setLocationDenied(true);
          return;
        } finally {
          setLocating(false);
        }
      }
    }
    const input: AttendanceInput = position ? { ...proof, lat: position.lat, lng: position.lng } : proof;
    attendance.mutate({ action: nextAction, input });
  };

  const reset = () => {
    attendance.reset();
    setLocationDenied(false);
  };

  return {
    submit,
    reset,
    action,
    locating,
    locationDenied,
    busy: locating || attendance.isPending,
    result: attendance.data,
    error: attendance.error,
  };
}
