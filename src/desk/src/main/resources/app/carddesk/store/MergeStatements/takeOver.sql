-- The survivor after the merge (MergePlan): the card kept with its PIN, the national ID, summed balances.
UPDATE patron
   SET card_number = :card,
       fees_owed_minor = fees_owed_minor + :fees,
       print_credit_minor = print_credit_minor + :print,
       identity_kind = :kind,
       identity_number = :number,
       registration_kind = CASE WHEN :number IS NULL THEN registration_kind ELSE 'NATIONAL_ID' END,
       expires_on = CASE WHEN :number IS NULL THEN expires_on END,
       pin_hash = :pin,
       pin_delivery = :delivery,
       updated_at = :now,
       version = version + 1
 WHERE id = :id
