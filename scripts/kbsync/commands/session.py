"""What every command starts from: the site's configuration and the cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbsync.cache import Cache
from kbsync.config import SiteConfig, load_site_config


@dataclass(frozen=True)
class Session:
    config: SiteConfig
    cache: Cache

    @classmethod
    def open(cls, config_path: Path, use_cache: bool = True) -> Session:
        config = load_site_config(config_path)
        return cls(config, Cache(config.cache_dir if use_cache else None))
