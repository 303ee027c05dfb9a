-- The survivor after the merge (MergePlan): the card kept with its PIN, the national ID, summed balances.
UPDATE patron
   SET card_number = :card,
       identity_kind = :kind,
       identity_number = :number,
       registration_kind = :registration,
       expires_on = :expires,
       fees_owed_minor = fees_owed_minor + :fees,
       print_credit_minor = print_credit_minor + :print,
       pin_hash = :pin,
       version = version + 1,
       updated_at = :now,
       last_active_at = :now
 WHERE id = :id
