import { NotFoundView } from '@/components/shell/not-found-view';

/** notFound() in a screen (an actor that does not exist): shown inside the shell. */
export default function DashboardNotFound() {
  return <NotFoundView />;
}
