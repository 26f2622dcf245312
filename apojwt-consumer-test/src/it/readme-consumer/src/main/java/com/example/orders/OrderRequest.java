package com.example.orders;

record OrderRequest(String item) {}
