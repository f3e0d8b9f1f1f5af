// The points account a page is about: ?district=… when given, else the one in my home district, else the first.
import { useSearchParams } from 'react-router';
import { useHomeDistrict } from '../volunteers/useVolunteerStatus';
import { pickAccount, useMyPoints } from './queries';

export function useChosenAccount() {
  const [params, setParams] = useSearchParams();
  const homeDistrict = useHomeDistrict();
  const points = useMyPoints();
  const wanted = params.get('district') ?? homeDistrict;
  const account = pickAccount(points.data, wanted ?? undefined);
  const choose = (districtId: string) => {
    const next = new URLSearchParams(params);
    next.set('district', districtId);
    setParams(next, { replace: true });
  };
  return { points, account, choose };
}
