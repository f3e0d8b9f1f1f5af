// Placeholder for the matching panel (ranked volunteers with reasons, invitations) shown in the need drawer; the
// matching work replaces this body. It renders nothing until then.
import type { NeedDetail } from '../../../shared/api-types';

export interface MatchingPanelProps {
  needId: string;
  need: NeedDetail;
}

export function MatchingPanel(_props: MatchingPanelProps) {
  return null;
}
