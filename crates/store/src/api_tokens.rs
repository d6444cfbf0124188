//! Personal access tokens for the JSON API (`/api/v1`). A token is a secret that a program
//! sends as `Authorization: Bearer <token>` in the name of one account; only the SHA-256 hash
//! of the secret is kept, so a copy of the database opens no account. A token reads, or reads
//! and writes ([`ApiToken::scope`]); a revoked token stops working at once and stays listed,
//! so the account page can show that it ended.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// A personal access token of an account, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    /// What the account holder called it, to tell tokens apart (not secret).
    pub name: String,
    /// `read` or `write`.
    pub scope: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

#[async_trait]
pub trait ApiTokenStore: Send + Sync {
    /// Keeps a new token of `token.user_id`; only `token_hash` of its secret is stored.
    async fn create_api_token(&self, token: &ApiToken, token_hash: &str) -> Result<(), StoreError>;
    /// The live token whose secret has this hash; `None` for an unknown or revoked one.
    async fn api_token_by_hash(&self, token_hash: &str) -> Result<Option<ApiToken>, StoreError>;
    /// Ends a token of this account at `now`. False when the account has no such live token.
    async fn revoke_api_token(
        &self,
        user_id: &str,
        token_id: &str,
        now: i64,
    ) -> Result<bool, StoreError>;
    /// The tokens of an account, revoked ones too, newest first.
    async fn api_tokens(&self, user_id: &str) -> Result<Vec<ApiToken>, StoreError>;
}
