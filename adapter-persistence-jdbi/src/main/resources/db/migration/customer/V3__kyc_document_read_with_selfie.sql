-- Some KYC providers (Smile ID's Document Verification) read a document only in the same job as the
-- selfie, so an accepted document may not have been read yet: its fields are then all absent.
ALTER TABLE kyc_document ALTER COLUMN given_names DROP NOT NULL;
ALTER TABLE kyc_document ALTER COLUMN surname DROP NOT NULL;
ALTER TABLE kyc_document ALTER COLUMN id_number DROP NOT NULL;
ALTER TABLE kyc_document ADD CONSTRAINT kyc_document_read_whole CHECK (
    (given_names IS NULL) = (surname IS NULL) AND (surname IS NULL) = (id_number IS NULL));
