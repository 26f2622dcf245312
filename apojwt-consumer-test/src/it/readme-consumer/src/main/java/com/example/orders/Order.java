package com.example.orders;

record Order(String id, String owner) {}
