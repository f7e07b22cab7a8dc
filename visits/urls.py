from django.urls import path

from . import views

urlpatterns = [path("api/luot-xem/", views.beacon, name="visit_beacon")]
