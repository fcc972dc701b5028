import { ModalDialog } from '../../../components/modal-dialog';
import { RollbackForm, type RollbackFormProps } from './rollback-form';

/**
 * Asks the reviewer to acknowledge the rollback plan: their name and the execution
 * id typed out. Confirming records an acknowledgement of the scaffold they saw
 * (its hash) and nothing else.
 */
export function RollbackDialog(props: RollbackFormProps & { readonly open: boolean }) {
  return (
    <ModalDialog open={props.open} title="Acknowledge the rollback plan" onClose={props.onClose} className="dialog-rollback">
      <RollbackForm {...props} />
    </ModalDialog>
  );
}
